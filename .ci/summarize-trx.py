"""Prints totals from the TRX files of one `dotnet test` run, and how many engine-backed tests executed.

Engine-backed tests are the ones in classes named *EngineTests (a unit test enforces that every [EngineFact]
lives in such a class). Under CI=true, zero executed engine tests is a failure: they must never be skipped there.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
directory = sys.argv[1]
counts = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
engine = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
for path in glob.glob(os.path.join(directory, "**", "*.trx"), recursive=True):
    root = ET.parse(path).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        outcome = result.get("outcome")
        outcome = outcome if outcome in counts else "Failed"
        counts[outcome] += 1
        class_name = result.get("testName", "").rsplit(".", 1)[0]
        if class_name.endswith("EngineTests"):
            engine[outcome] += 1

print(f"engine-backed tests: {engine['Passed']} passed, {engine['Failed']} failed, {engine['NotExecuted']} skipped")
print(f"tests: {counts['Passed']} passed, {counts['Failed']} failed, {counts['NotExecuted']} skipped")
if os.environ.get("CI") == "true" and (engine["Passed"] + engine["Failed"] == 0 or engine["NotExecuted"] > 0):
    print("CI: engine-backed tests did not all run")
    sys.exit(1)
