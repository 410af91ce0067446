using Xunit;

// Module tests share one process: environment variables (DOCKER_HOST, COMPOSE_*) and the engine are
// process-wide, so these tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
