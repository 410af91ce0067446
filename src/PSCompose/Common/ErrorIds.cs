namespace PSCompose
{
    /// <summary>
    /// Every FullyQualifiedErrorId PSCompose produces (the part before the comma), so users and tests can catch them
    /// by name. Model, Plan, Execution and Engine raise exceptions carrying one of these; <see cref="ErrorCatalogue"/>
    /// alone gives each its ErrorCategory, for the cmdlets and Invoke-Compose alike.
    /// </summary>
    public static class ErrorIds
    {
        // Loading the compose files (Model).
        public const string FileNotFound = "ComposeFileNotFound";
        public const string FileAccessDenied = "ComposeFileAccessDenied";
        public const string FileNotAFile = "ComposeFileNotAFile";
        public const string StandardInputMissing = "ComposeStandardInputMissing";
        public const string FileInvalid = "ComposeFileInvalid";
        public const string YamlSyntax = "ComposeYamlSyntax";
        public const string VariableRequired = "ComposeVariableRequired";
        public const string InterpolationInvalid = "ComposeInterpolationInvalid";
        public const string DependencyCycle = "ComposeDependencyCycle";
        public const string ReferenceUndefined = "ComposeReferenceUndefined";
        public const string ProjectNameInvalid = "ComposeProjectNameInvalid";
        public const string EnvFileNotFound = "ComposeEnvFileNotFound";
        public const string EnvFileNotAFile = "ComposeEnvFileNotAFile";
        public const string EnvFileInvalid = "ComposeEnvFileInvalid";
        public const string ExtendsInvalid = "ComposeExtendsInvalid";
        public const string ExtendsServiceNotFound = "ComposeExtendsServiceNotFound";
        public const string IncludeInvalid = "ComposeIncludeInvalid";
        public const string ServiceNotFound = "ComposeServiceNotFound";
        public const string NestingTooDeep = "ComposeNestingTooDeep";
        public const string ScaleInvalidInFile = "ComposeScaleInvalid";

        // Get-ComposeConfig output (-Format, -OutFile, -ResolveImageDigests, -LockImageDigests).
        /// <summary>A -Format the chosen output has no form for (Table outside -Variables): Compose's "unsupported format".</summary>
        public const string ConfigFormatUnsupported = "ComposeConfigFormatUnsupported";
        /// <summary>-OutFile could not be written; nothing was left behind.</summary>
        public const string ConfigOutFileFailed = "ComposeConfigOutFileFailed";
        /// <summary>The registry has no manifest for a service's image (-ResolveImageDigests/-LockImageDigests).</summary>
        public const string ImageDigestNotFound = "ComposeImageDigestNotFound";
        /// <summary>The registry could not be asked for a service's image digest (unreachable, refused, unauthorised).</summary>
        public const string ImageDigestUnresolved = "ComposeImageDigestUnresolved";

        // Parameters and planning.
        public const string ScaleInvalid = "ScaleInvalid";
        public const string ParameterConflict = "ParameterConflict";

        /// <summary>A -Since/-Until value that is neither a time, a Unix timestamp nor a Go duration.</summary>
        public const string TimeValueInvalid = "TimeValueInvalid";

        /// <summary>-Index names a replica the service does not have.</summary>
        public const string ServiceContainerNotFound = "ServiceContainerNotFound";
        public const string ContainerNameWithScale = "ContainerNameWithScale";
        public const string ProjectNotFound = "ComposeProjectNotFound";
        public const string ProjectInputConflict = "ComposeProjectInputConflict";
        public const string VolumeRecreateNotConfirmed = "VolumeRecreateNotConfirmed";
        public const string BuildUnsupported = "ComposeBuildUnsupported";
        public const string MacAddressUnsupported = "MacAddressUnsupported";
        public const string HealthcheckStartIntervalUnsupported = "HealthcheckStartIntervalUnsupported";

        // Running services (Execution).
        public const string NoContainerToStart = "NoContainerToStart";
        public const string WaitTimeout = "WaitTimeout";
        public const string ServiceExited = "ServiceExited";
        public const string ServiceUnhealthy = "ServiceUnhealthy";
        public const string DependencyFailed = "DependencyFailed";
        public const string ServiceNotRunning = "ServiceNotRunning";
        public const string PortNotPublished = "PortNotPublished";
        public const string ServiceWaitTimeout = "ComposeWaitTimeout";
        public const string NoContainerToWait = "NoContainerToWait";

        // Swarm stacks (Publish-/Get-/Remove-ComposeStack).
        public const string SwarmNotActive = "SwarmNotActive";
        public const string StackNetworkNotFound = "StackNetworkNotFound";
        public const string StackTaskFailed = "StackTaskFailed";
        public const string StackUpdateFailed = "StackUpdateFailed";
        public const string StackWaitTimeout = "StackWaitTimeout";

        // Commands in containers (exec, run).
        public const string ContainerExitedNonZero = "ContainerExitedNonZero";
        public const string ContainerStdErr = "ContainerStdErr";
        public const string RunParameterInvalid = "RunParameterInvalid";
        public const string InteractiveNeedsConsole = "InteractiveNeedsConsole";

        // Attached up (Invoke-ComposeUp -Attach).
        public const string AttachRequired = "AttachRequired";
        public const string AttachParameterConflict = "AttachParameterConflict";
        public const string AttachServiceNotSelected = "AttachServiceNotSelected";

        // A plan operation (of up, down or a service cmdlet) failed for a reason other than the engine's not-found or
        // conflict: "<OperationKind>Failed".
        public const string StartContainerFailed = "StartContainerFailed";
        public const string StopContainerFailed = "StopContainerFailed";
        public const string KillContainerFailed = "KillContainerFailed";
        public const string RestartContainerFailed = "RestartContainerFailed";
        public const string PauseContainerFailed = "PauseContainerFailed";
        public const string UnpauseContainerFailed = "UnpauseContainerFailed";
        public const string RemoveContainerFailed = "RemoveContainerFailed";
        public const string RequireContainerFailed = "RequireContainerFailed";
        public const string PullImageFailed = "PullImageFailed";
        public const string BuildImageFailed = "BuildImageFailed";
        public const string RemoveImageFailed = "RemoveImageFailed";
        public const string CreateNetworkFailed = "CreateNetworkFailed";
        public const string RemoveNetworkFailed = "RemoveNetworkFailed";
        public const string DisconnectNetworkFailed = "DisconnectNetworkFailed";
        public const string ConnectNetworkFailed = "ConnectNetworkFailed";
        public const string CreateVolumeFailed = "CreateVolumeFailed";
        public const string RemoveVolumeFailed = "RemoveVolumeFailed";
        public const string CreateContainerFailed = "CreateContainerFailed";
        public const string RenameContainerFailed = "RenameContainerFailed";
        public const string WaitConditionFailed = "WaitConditionFailed";

        // Copying files between the host and containers (Copy-ComposeItem).
        public const string CopyAcrossServices = "CopyAcrossServices";
        public const string CopyDirectionUnknown = "CopyDirectionUnknown";
        public const string CopyPathEmpty = "CopyPathEmpty";
        public const string CopyContainerNotFound = "CopyContainerNotFound";
        public const string CopySourceNotFound = "CopySourceNotFound";
        public const string CopyDestinationParentMissing = "CopyDestinationParentMissing";
        public const string CopyDestinationInvalid = "CopyDestinationInvalid";
        public const string CopyArchiveUnsafe = "CopyArchiveUnsafe";

        // Watching a project (Watch-ComposeProject, Invoke-ComposeUp -Watch).
        public const string WatchNotConfigured = "WatchNotConfigured";
        public const string WatchRebuildWithoutBuild = "WatchRebuildWithoutBuild";
        public const string WatchPathNotFound = "WatchPathNotFound";
        public const string WatchLimitReached = "WatchLimitReached";
        public const string WatchProjectLocked = "WatchProjectLocked";

        // Invoke-Compose, the `docker compose` command line (the messages are Compose's own where Compose refuses too).
        public const string FrontDoorUnknownFlag = "FrontDoorUnknownFlag";
        public const string FrontDoorUnknownCommand = "FrontDoorUnknownCommand";
        public const string FrontDoorFlagNeedsArgument = "FrontDoorFlagNeedsArgument";
        public const string FrontDoorInvalidArgument = "FrontDoorInvalidArgument";
        public const string FrontDoorMissingArgument = "FrontDoorMissingArgument";
        public const string FrontDoorUnsupported = "FrontDoorUnsupported";

        // The Docker engine (raised as Engine exceptions; a not-found or conflict inside an operation uses these too).
        public const string EngineUnavailable = "EngineUnavailable";
        public const string EngineTimeout = "EngineTimeout";
        public const string EngineStreamLost = "EngineStreamLost";
        public const string EngineNotDockerApi = "EngineNotDockerApi";
        public const string EngineEndpointInvalid = "EngineEndpointInvalid";
        public const string EngineObjectNotFound = "EngineObjectNotFound";
        public const string EngineConflict = "EngineConflict";
        public const string EngineAccessDenied = "EngineAccessDenied";
        public const string EngineError = "EngineError";
    }
}
