namespace PSCompose
{
    /// <summary>
    /// How PSCompose writes for a CI log (the -CiOutput parameter of every cmdlet). Auto picks Azure Pipelines when
    /// TF_BUILD is True, GitHub Actions when GITHUB_ACTIONS is true, and None otherwise.
    /// </summary>
    public enum CiOutputMode
    {
        Auto,
        None,
        AzurePipelines,
        GitHubActions,
    }
}
