namespace Mage.Manifests.Tests;

/// <summary>Valid and invalid manifests with the exact diagnostics expected ("LINE:COL: severity: message").</summary>
public class ValidationTableTests
{
    private const string Head = "driver:\n  type: os\nstages: [build]\n";

    public static TheoryData<string, string[]> Cases() => new()
    {
        { Head + "jobs:\n- stage: build\n  commands: [make]\n", [] },
        { "driver: {type: docker, image: golang, workspace: /go}\n", [] },
        { Head + "timeout: 45m\njobs:\n- stage: build\n  timeout: 10m\n", [] },
        { "a: [\n", ["2:1: error: invalid YAML: while parsing a node, did not find expected node content."] },
        { "- a\n", ["1:1: error: a manifest must be a mapping of keys (driver, stages, jobs, …), not a list", DriverMissing(1, 1)] },
        { "", [DriverMissing(1, 1)] },
        { "stages: [a]\n", [DriverMissing(1, 1), "1:10: warning: stage \"a\" has no jobs"] },
        { "driver: docker\n", ["1:9: error: driver must be a mapping such as \"type: docker\", not a string", DriverMissing(1, 9)] },
        { "driver:\n  image: x\n", ["2:3: error: driver has no type; add \"type:\" with one of docker, qemu, ssh, os, local, sandbox"] },
        { "driver:\n  type: dokcer\n", ["2:9: error: unknown driver type \"dokcer\"; did you mean \"docker\"?"] },
        { "driver:\n  type: vmware\n", ["2:9: error: unknown driver type \"vmware\"; valid types are docker, qemu, ssh, os, local, sandbox"] },
        { "driver:\n  type: docker\n", ["2:3: error: driver docker requires image", "2:3: error: driver docker requires workspace"] },
        { "driver:\n  type: qemu\n  imgae: arch\n", ["2:3: error: driver qemu requires image", "3:10: warning: unknown key \"imgae\" for driver qemu is ignored; did you mean \"image\"?"] },
        { "driver:\n  type: ssh\n", ["2:3: error: driver ssh requires address"] },
        { "driver:\n  type: qemu\n  image: [a]\n", ["3:10: error: driver.image must be a string, not a list (djinn's driver is a flat map of strings)", "3:10: error: driver qemu requires image"] },
        { Head + "env: [FOO, =x, A=b=c]\n", [NoJobs(3, 10, "build"),
            "4:7: error: env item \"FOO\" has no \"=\"; write it as KEY=VALUE, e.g. \"FOO=value\" (djinn fails on it with a server error)",
            "4:12: error: env item \"=x\" has an empty name; write it as KEY=VALUE"] },
        { Head + "sources:\n- url: https://x/y.git\n  ref: v1\n", [NoJobs(3, 10, "build"),
            "5:3: error: a source must be a string \"url [ref] [=> dir]\"; the older \"- url: …\" form is not supported. Write: - https://x/y.git v1"] },
        { Head + "sources: ['https://x/y =>', https://x/z => /abs, https://x/w => ../up]\n", [NoJobs(3, 10, "build"),
            "4:11: error: source \"https://x/y =>\" has an empty directory after \"=>\"",
            "4:29: error: source directory \"/abs\" is absolute; write a relative path",
            "4:50: error: source directory \"../up\" climbs out with \"..\"; write a path that stays inside"] },
        { "driver: {type: os}\nstagse: [build]\njobs:\n- stage: build\n", [
            "2:1: warning: unknown key \"stagse\" is ignored; did you mean \"stages\"?",
            "4:1: error: jobs are defined but stages is empty; list the stages in the order they run, e.g. \"stages: [build]\"",
            ] },
        { Head + "jobs:\n- stage: biuld\n- commands: [x]\n", [
            NoJobs(3, 10, "build"),
            "5:10: error: stage \"biuld\" of job \"biuld.1\" is not listed in stages; did you mean \"build\"?",
            "6:3: error: job has no stage; add \"stage:\" with one of: build"] },
        { Head + "jobs:\n- stage: build\n  name: Make It\n- stage: build\n  name: make it\n", [
            "8:9: error: job name \"make-it\" is already used by jobs[0] (line 5); give one of them a distinct \"name\""] },
        { Head + "jobs:\n- stage: build\n- stage: build\n  comands: [x]\n", ["7:3: warning: unknown job key \"comands\" is ignored; did you mean \"commands\"?"] },
        { Head + "jobs:\n- stage: build\n  name: clone.1\nsources: [https://x/y]\n", [
            "6:9: error: job name \"clone.1\" is taken by a builtin job of the setup stage; give the job another \"name\""] },
        { Head + "objects: [a => /etc/a, b => ../b, c => sub/c]\njobs:\n- stage: build\n  artifacts: [x => /y, =>]\n", [
            "4:11: error: object destination \"/etc/a\" is absolute; write a relative path",
            "4:24: error: object destination \"../b\" climbs out with \"..\"; write a path that stays inside",
            "7:15: error: artifact destination \"/y\" is absolute; write a relative path",
            "7:24: error: artifact \"=>\" has no source; write \"src\" or \"src => dst\""] },
        { Head + "timeout: soon\njobs:\n- stage: build\n  timeout: 2h\n", [
            "4:10: error: timeout \"soon\" is not a duration; write e.g. 45m, 1h30m or 90s",
            "7:12: error: timeout 2h exceeds this deployment's job limit of 1h"] },
        { Head + "timeout: 1h1s\njobs:\n- stage: build\n", ["4:10: error: timeout 1h1s exceeds this deployment's build limit of 1h"] },
        { Head + "allow_failures: [biuld, build]\njobs:\n- stage: build\n", [
            "4:18: warning: allow_failures names \"biuld\", which is not a stage, so it has no effect; did you mean \"build\"?"] },
        { Head + "stages: [x]\njobs:\n- stage: build\n", ["4:1: error: duplicate key \"stages\" (first at line 3)"] },
        { Head + "jobs: {stage: build}\n", [NoJobs(3, 10, "build"), "4:7: error: jobs must be a list, not a mapping"] },
        { Head + "jobs:\n- build\n", [NoJobs(3, 10, "build"), "5:3: error: jobs[0] must be a mapping with stage and commands, not a string"] },
        { Head + "jobs:\n- stage: build\n  commands: [[x]]\n", ["6:14: error: jobs[0].commands[0] must be a string, not a list"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Manifest_ReportsExactDiagnostics(string yaml, string[] expected)
    {
        var result = ManifestValidator.Validate(yaml);

        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(!expected.Any(e => e.Contains(": error: ", StringComparison.Ordinal)), result.IsValid);
        Assert.Equal(result.IsValid, result.Plan is not null);
    }

    [Fact]
    public void Validate_Diagnostic_CarriesPath()
    {
        var result = ManifestValidator.Validate(Head + "jobs:\n- stage: build\n- stage: tset\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("jobs[1].stage", error.Path);
        Assert.Equal((6, 10), (error.Line, error.Column));
    }

    private static string DriverMissing(int line, int column) =>
        $"{line}:{column}: error: driver is missing; add one, e.g. \"driver: {{type: docker, image: golang, workspace: /go}}\" (valid types: docker, qemu, ssh, os, local, sandbox)";

    private static string NoJobs(int line, int column, string stage) => $"{line}:{column}: warning: stage \"{stage}\" has no jobs";
}
