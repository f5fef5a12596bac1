import Foundation
import Testing

/// A command line ArgumentParser refuses, through the built binary: said as `minutes: error: …` in the language of
/// the environment's locale, with the usage and where the help is, and exit code 64; a mistyped command named with
/// the one meant.
@Suite struct UsageErrorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var locale: String
    /// What standard error says, line by line (the usage line's synopsis left out after `用法：`/`Usage: `).
    var lines: [String]
    var testDescription: String { "\(locale): minutes \(arguments.joined(separator: " "))" }
  }

  static let newUsage = "minutes new [--template <template>] [--name <name>] [--from <NAME>] [--house <CHOICE=VALUE> ...] [--keep-going] [--workspace <workspace>]"
  static let exportUsage = "minutes export <name> [--format <format>] [--script <script>] [--output <output>] [--force] [--draft] [--workspace <workspace>]"

  static let cases: [Case] = [
    Case(arguments: ["expor", "seed"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 沒有「expor」這個命令；是不是 `minutes export`？", "用法：minutes <subcommand>", "  說明見 `minutes --help`。"]),
    Case(arguments: ["exprot"], locale: "en_US.UTF-8", lines: [
      "minutes: error: Unknown command 'exprot'. Did you mean 'minutes export'?", "Usage: minutes <subcommand>",
      "  See 'minutes --help' for more information."]),
    Case(arguments: ["imp", "a.txt"], locale: "zh_CN.UTF-8", lines: [
      "minutes: error: 没有“imp”这个命令；是不是 `minutes import`？", "用法：minutes <subcommand>", "  说明见 `minutes --help`。"]),
    Case(arguments: ["frobnicate"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 沒有「frobnicate」這個命令；命令列表見 `minutes --help`。", "用法：minutes <subcommand>", "  說明見 `minutes --help`。"]),
    Case(arguments: ["new", "--bogus"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 沒有 --bogus 這個選項；是不是 --house？", "用法：" + newUsage, "  說明見 `minutes new --help`。"]),
    Case(arguments: ["new", "--bogus"], locale: "C.UTF-8", lines: [
      "minutes: error: Unknown option '--bogus'. Did you mean '--house'?", "Usage: " + newUsage,
      "  See 'minutes new --help' for more information."]),
    Case(arguments: ["new", "--template"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 選項 --template <template> 缺少值；請把值寫在它後面。", "用法：" + newUsage, "  說明見 `minutes new --help`。"]),
    Case(arguments: ["new", "--template"], locale: "en_GB.UTF-8", lines: [
      "minutes: error: Missing value for '--template <template>'",
      "Help:  --template <template>  The template id (see `minutes templates`); without it, minutes asks.", "Usage: " + newUsage,
      "  See 'minutes new --help' for more information."]),
    Case(arguments: ["new", "--keep-going=3"], locale: "zh_CN.UTF-8", lines: [
      "minutes: error: 选项 --keep-going 不带值，却写了“3”；只写 --keep-going 即可。", "用法：" + newUsage, "  说明见 `minutes new --help`。"]),
    Case(arguments: ["export"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 缺少參數 <name>；用法見下。", "用法：" + exportUsage, "  說明見 `minutes export --help`。"]),
    Case(arguments: ["new", "第", "三", "次"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 多了 3 個參數「第」「三」「次」，這個命令不接受；用法見下（含空格的值請加引號）。", "用法：" + newUsage,
      "  說明見 `minutes new --help`。"]),
    Case(arguments: ["new", "x"], locale: "C.UTF-8", lines: [
      "minutes: error: Unexpected argument 'x'", "Usage: " + newUsage, "  See 'minutes new --help' for more information."]),
    // The command's own refusal (a ValidationError), worded already: the same frame.
    Case(arguments: ["export", "seed", "--script", "latin"], locale: "zh_TW.UTF-8", lines: [
      "minutes: error: 沒有「latin」這種字體；--script 可用 hans（簡體字）或 hant（繁體字）。", "用法：" + exportUsage,
      "  說明見 `minutes export --help`。"]),
  ]

  @Test(arguments: cases) func aCommandLineRefusedIsSaidInTheLocalesLanguage(_ test: Case) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try Binary.run(test.arguments + ["--workspace", workspace.path], in: workspace,
                                environment: ["LANG": test.locale, "PATH": "/usr/bin:/bin"])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").map(String.init) == test.lines, "\(result.stderr)")
    // Nothing was made: a refused command line starts no session.
    let sessions = (try? FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("sessions").path)) ?? []
    #expect(sessions.isEmpty, "\(sessions)")
  }

  /// Help and the version are printed on standard output with exit code 0, as ArgumentParser prints them.
  @Test func helpAndVersionAreNotErrors() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    for arguments in [["--help"], ["--version"], ["help", "export"], ["export", "--help"]] {
      let result = try Binary.run(arguments, in: workspace, environment: ["LANG": "zh_TW.UTF-8"])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(arguments)")
    }
  }
}
