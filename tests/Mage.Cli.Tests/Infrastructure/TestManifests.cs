namespace Mage.Cli.Tests.Infrastructure;

/// <summary>Manifests the CLI tests run for real with the local driver (<c>/bin/sh</c> jobs).</summary>
internal static class TestManifests
{
    /// <summary>One job that prints a line naming the service, then a test stage.</summary>
    public const string Passing = """
        driver: { type: local }
        stages: [build, test]
        jobs:
          - stage: build
            commands:
              - echo "hello from $MAGE_SERVICE"
          - stage: test
            commands:
              - echo tested
        """;

    /// <summary>A job that prints a line and exits 3; the next stage never runs.</summary>
    public const string Failing = """
        driver: { type: local }
        stages: [build, test]
        jobs:
          - stage: build
            commands:
              - echo "about to fail"
              - exit 3
          - stage: test
            commands:
              - echo unreachable
        """;

    /// <summary>A job that runs for a minute unless killed.</summary>
    public const string Sleeping = """
        driver: { type: local }
        stages: [wait]
        jobs:
          - stage: wait
            commands:
              - echo sleeping
              - sleep 60
        """;

    /// <summary>A job that collects two artifacts, one in a sub-folder.</summary>
    public const string WithArtifacts = """
        driver: { type: local }
        stages: [build]
        jobs:
          - stage: build
            commands:
              - mkdir -p out/sub
              - echo "hello artifact" > out/hello.txt
              - head -c 70000 /dev/urandom > out/sub/data.bin
            artifacts:
              - out/hello.txt
              - out/sub/data.bin => sub/data.bin
        """;

    /// <summary>A job whose stage is not declared: a 400 at line 4.</summary>
    public const string UndeclaredStage = "driver: { type: local }\nstages: [a]\njobs:\n  - { stage: b, commands: [x] }\n";
}
