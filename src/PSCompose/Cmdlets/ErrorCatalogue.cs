using System.Collections.Generic;
using System.Management.Automation;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// The ErrorCategory of every id in <see cref="ErrorIds"/>: the one place categories are decided, so an id always
    /// reports the same category whichever layer raised it.
    /// </summary>
    internal static class ErrorCatalogue
    {
        internal static readonly IReadOnlyDictionary<string, ErrorCategory> Categories = new Dictionary<string, ErrorCategory>
        {
            [ErrorIds.FileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.FileAccessDenied] = ErrorCategory.PermissionDenied,
            [ErrorIds.FileNotAFile] = ErrorCategory.InvalidArgument,
            [ErrorIds.StandardInputMissing] = ErrorCategory.InvalidArgument,
            [ErrorIds.FileInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.YamlSyntax] = ErrorCategory.ParserError,
            [ErrorIds.VariableRequired] = ErrorCategory.InvalidData,
            [ErrorIds.InterpolationInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.DependencyCycle] = ErrorCategory.InvalidData,
            [ErrorIds.ReferenceUndefined] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ProjectNameInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.EnvFileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.EnvFileNotAFile] = ErrorCategory.InvalidArgument,
            [ErrorIds.EnvFileInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.ExtendsInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.ExtendsServiceNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.IncludeInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.ServiceNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.NestingTooDeep] = ErrorCategory.LimitsExceeded,
            [ErrorIds.ScaleInvalidInFile] = ErrorCategory.InvalidData,
            [ErrorIds.ScaleInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.ParameterConflict] = ErrorCategory.InvalidArgument,
            [ErrorIds.TimeValueInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.ServiceContainerNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ContainerNameWithScale] = ErrorCategory.InvalidArgument,
            [ErrorIds.ProjectNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ProjectInputConflict] = ErrorCategory.InvalidArgument,
            [ErrorIds.VolumeRecreateNotConfirmed] = ErrorCategory.InvalidOperation,
            [ErrorIds.BuildUnsupported] = ErrorCategory.NotImplemented,
            [ErrorIds.MacAddressUnsupported] = ErrorCategory.NotImplemented,
            [ErrorIds.HealthcheckStartIntervalUnsupported] = ErrorCategory.NotImplemented,
            [ErrorIds.NoContainerToStart] = ErrorCategory.ObjectNotFound,
            [ErrorIds.WaitTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.ServiceExited] = ErrorCategory.InvalidResult,
            [ErrorIds.ServiceUnhealthy] = ErrorCategory.InvalidResult,
            [ErrorIds.DependencyFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.ServiceNotRunning] = ErrorCategory.InvalidOperation,
            [ErrorIds.PortNotPublished] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ServiceWaitTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.NoContainerToWait] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ContainerExitedNonZero] = ErrorCategory.InvalidResult,
            [ErrorIds.ContainerStdErr] = ErrorCategory.FromStdErr,
            [ErrorIds.RunParameterInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.InteractiveNeedsConsole] = ErrorCategory.InvalidOperation,
            [ErrorIds.AttachRequired] = ErrorCategory.InvalidArgument,
            [ErrorIds.AttachParameterConflict] = ErrorCategory.InvalidArgument,
            [ErrorIds.AttachServiceNotSelected] = ErrorCategory.InvalidArgument,
            [ErrorIds.StartContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.StopContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.KillContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RestartContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.PauseContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.UnpauseContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RemoveContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RequireContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.PullImageFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.BuildImageFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RemoveImageFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.CreateNetworkFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RemoveNetworkFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.DisconnectNetworkFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.ConnectNetworkFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.CreateVolumeFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RemoveVolumeFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.CreateContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.RenameContainerFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.WaitConditionFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.CopyAcrossServices] = ErrorCategory.InvalidArgument,
            [ErrorIds.CopyDirectionUnknown] = ErrorCategory.InvalidArgument,
            [ErrorIds.CopyPathEmpty] = ErrorCategory.InvalidArgument,
            [ErrorIds.CopyContainerNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.CopySourceNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.CopyDestinationParentMissing] = ErrorCategory.ObjectNotFound,
            [ErrorIds.CopyDestinationInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.CopyArchiveUnsafe] = ErrorCategory.SecurityError,
            [ErrorIds.EngineUnavailable] = ErrorCategory.ConnectionError,
            [ErrorIds.EngineStreamLost] = ErrorCategory.ConnectionError,
            [ErrorIds.EngineTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.EngineNotDockerApi] = ErrorCategory.ConnectionError,
            [ErrorIds.EngineEndpointInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.EngineObjectNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.EngineConflict] = ErrorCategory.ResourceExists,
            [ErrorIds.EngineAccessDenied] = ErrorCategory.PermissionDenied,
            [ErrorIds.EngineError] = ErrorCategory.InvalidOperation,
        };

        /// <summary>The id's category; an id missing from the table (a bug the catalogue tests catch) reads as NotSpecified.</summary>
        public static ErrorCategory CategoryOf(string errorId) =>
            errorId != null && Categories.TryGetValue(errorId, out ErrorCategory category) ? category : ErrorCategory.NotSpecified;
    }
}
