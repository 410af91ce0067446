using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using PSCompose.Engine.Build;
using PSCompose.Common;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public async Task<EngineImage> InspectImageAsync(string reference, CancellationToken ct)
        {
            ImageInspectResponse i = await Call(Endpoint, ct, () => client.Images.InspectImageAsync(reference, ct)).ConfigureAwait(false);
            DockerOCIImageConfig config = i.Config ?? new DockerOCIImageConfig();
            return new EngineImage
            {
                Id = i.ID,
                RepoTags = (i.RepoTags ?? new List<string>()).ToList(),
                RepoDigests = (i.RepoDigests ?? new List<string>()).ToList(),
                Created = i.Created,
                LastTagTime = i.Metadata?.LastTagTime is DateTime t && t > DateTime.MinValue.AddYears(1) ? t : (DateTime?)null,
                Os = i.Os,
                Architecture = i.Architecture,
                Variant = string.IsNullOrEmpty(i.Variant) ? null : i.Variant,
                Size = i.Size,
                Labels = Copy(config.Labels),
                Volumes = (config.Volumes ?? new Dictionary<string, EmptyStruct>()).Keys.ToList(),
                Env = (config.Env ?? new List<string>()).ToList(),
                Command = config.Cmd?.ToList(),
                Entrypoint = config.Entrypoint?.ToList(),
                WorkingDir = config.WorkingDir,
            };
        }

        public async Task<IReadOnlyList<EngineImage>> ListImagesAsync(IReadOnlyCollection<string> labelFilters, CancellationToken ct)
        {
            var parameters = new ImagesListParameters { Filters = LabelFilters(labelFilters) };
            IList<ImagesListResponse> list = await Call(Endpoint, ct, () => client.Images.ListImagesAsync(parameters, ct)).ConfigureAwait(false);
            return list.Select(i => new EngineImage
            {
                Id = i.ID,
                RepoTags = (i.RepoTags ?? new List<string>()).ToList(),
                RepoDigests = (i.RepoDigests ?? new List<string>()).ToList(),
                Created = i.Created,
                Size = i.Size,
                Labels = Copy(i.Labels),
            }).ToList();
        }

        public async Task<IReadOnlyList<string>> RemoveImageAsync(string reference, bool force, CancellationToken ct)
        {
            IList<IDictionary<string, string>> r = await Call(Endpoint, ct,
                () => client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = force }, ct)).ConfigureAwait(false);
            return (r ?? new List<IDictionary<string, string>>())
                .SelectMany(d => d.Select(kv => kv.Key + ": " + kv.Value))
                .ToList();
        }

        public async Task<string> InspectDistributionDigestAsync(string reference, CancellationToken ct)
        {
            DistributionInspectResponse r = await Call(Endpoint, ct, () => client.Distribution.InspectAsync(reference, ct)).ConfigureAwait(false);
            return r.Descriptor?.Digest;
        }

        public Task TagImageAsync(string source, string repository, string tag, CancellationToken ct) =>
            Call(Endpoint, ct, () => client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = repository, Tag = tag }, ct));

        public async Task PullImageAsync(string reference, string platform, Action<EngineProgress> onProgress, CancellationToken ct)
        {
            ImageReference image = ImageReference.Parse(reference);
            var parameters = new ImagesCreateParameters
            {
                FromImage = image.Repository,
                Tag = image.TagOrDigest,
                Platform = string.IsNullOrEmpty(platform) ? null : platform,
            };
            AuthConfig auth = RegistryCredentials.For(image.Registry) ?? new AuthConfig();
            var stream = new ProgressStream(onProgress);
            await Call(Endpoint, ct, () => client.Images.CreateImageAsync(parameters, auth, stream, ct)).ConfigureAwait(false);
            stream.ThrowIfFailed();
        }

        public async Task PushImageAsync(string reference, Action<EngineProgress> onProgress, CancellationToken ct)
        {
            ImageReference image = ImageReference.Parse(reference);
            // The engine rejects a push without an X-Registry-Auth header, so an anonymous one is always sent.
            AuthConfig auth = RegistryCredentials.For(image.Registry) ?? new AuthConfig();
            var stream = new ProgressStream(onProgress);
            await Call(Endpoint, ct, () => client.Images.PushImageAsync(image.Repository, new ImagePushParameters { Tag = image.TagOrDigest }, auth, stream, ct)).ConfigureAwait(false);
            stream.ThrowIfFailed();
        }

        public async Task<string> BuildImageAsync(BuildSpec spec, Action<EngineProgress> onProgress, CancellationToken ct)
        {
            using (BuildContextArchive archive = BuildContextArchive.Create(spec.ContextDirectory, spec.Dockerfile, spec.DockerfileInline))
            {
                var parameters = new ImageBuildParameters
                {
                    Tags = (spec.Tags ?? new List<string>()).ToList(),
                    Dockerfile = archive.Dockerfile,
                    BuildArgs = spec.Args == null || spec.Args.Count == 0 ? null : new Dictionary<string, string>(spec.Args),
                    Labels = spec.Labels == null || spec.Labels.Count == 0 ? null : new Dictionary<string, string>(spec.Labels),
                    Target = string.IsNullOrEmpty(spec.Target) ? null : spec.Target,
                    CacheFrom = spec.CacheFrom == null || spec.CacheFrom.Count == 0 ? null : spec.CacheFrom.ToList(),
                    NetworkMode = string.IsNullOrEmpty(spec.NetworkMode) ? null : spec.NetworkMode,
                    ShmSize = spec.ShmSize > 0 ? spec.ShmSize : null,
                    ExtraHosts = spec.ExtraHosts == null || spec.ExtraHosts.Count == 0 ? null : spec.ExtraHosts.ToList(),
                    NoCache = spec.NoCache ? true : (bool?)null,
                    Pull = spec.Pull ? "1" : null,
                    Remove = true,
                    // forcerm: also remove the intermediate container of a failed step (Compose's Remove alone keeps it).
                    ForceRemove = true,
                    Platform = string.IsNullOrEmpty(spec.Platform) ? null : spec.Platform,
                    Version = "1",
                };
                var stream = new ProgressStream(onProgress);
                IList<AuthConfig> auths = RegistryCredentials.All();
                await Call(Endpoint, ct, () => client.Images.BuildImageFromDockerfileAsync(parameters, archive.Content, auths, null, stream, ct)).ConfigureAwait(false);
                stream.ThrowIfFailed();
                if (stream.ImageId == null) throw new EngineException(500, "Server did not provide an image ID.");
                return stream.ImageId;
            }
        }

        /// <summary>
        /// Receives JSONMessages inline (SyncProgress semantics: no reordering), forwards them, remembers the first
        /// error and the image ID the builder reports in Aux.
        /// </summary>
        private sealed class ProgressStream : IProgress<JSONMessage>
        {
            private readonly Action<EngineProgress> onProgress;

            public ProgressStream(Action<EngineProgress> onProgress)
            {
                this.onProgress = onProgress;
            }

            public string Error { get; private set; }
            public long? ErrorCode { get; private set; }
            public string ImageId { get; private set; }

            public void Report(JSONMessage m)
            {
                if (m == null) return;
                if (m.Error != null && Error == null)
                {
                    Error = string.IsNullOrEmpty(m.Error.Message) ? "unknown engine error" : m.Error.Message;
                    ErrorCode = m.Error.Code;
                }
                if (m.Aux?.ExtensionData != null && m.Aux.ExtensionData.TryGetValue("ID", out object id))
                    ImageId = id is JsonElement e && e.ValueKind == JsonValueKind.String ? e.GetString() : id?.ToString();
                onProgress?.Invoke(new EngineProgress
                {
                    Id = string.IsNullOrEmpty(m.ID) ? null : m.ID,
                    Status = string.IsNullOrEmpty(m.Status) ? null : m.Status,
                    Stream = string.IsNullOrEmpty(m.Stream) ? null : m.Stream,
                    Current = m.Progress?.Current,
                    Total = m.Progress?.Total,
                    Error = m.Error != null ? (m.Error.Message ?? "") : null,
                });
            }

            public void ThrowIfFailed()
            {
                if (Error != null) throw new EngineStreamException(Error, ErrorCode);
            }
        }
    }
}
