using Mage.Builds.Codegen;
using Mage.Builds.Codegen.Model;
using Mage.Builds.Codegen.Packs;
using Mage.Builds.Configuration;

namespace Mage.Builds.Tests.Codegen;

public sealed class DumpOutputTemp
{
    [Fact]
    public void Dump_AllSamples_Written()
    {
        var target = Environment.GetEnvironmentVariable("MAGE_DUMP_DIR");
        if (string.IsNullOrEmpty(target)) return;
        var packs = BuiltInPacks.FromAppDirectory();
        foreach (var sample in new[] { "shop", "minimal", "saved-configuration" })
        {
            var service = sample switch
            {
                "shop" => SampleServices.Shop(),
                "minimal" => SampleServices.Minimal(),
                _ => ConfigurationMapper.Map(ConfigurationValidator.Validate(Configuration.ConfigurationSamples.Complete).Configuration!),
            };
            foreach (var file in TemplateRenderer.Render(packs.Load(BuiltInPacks.DefaultPack), service))
            {
                var path = Path.Combine(target, sample, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
        }
    }
}
