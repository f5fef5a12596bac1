import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesInterview
@testable import MinutesModel

/// A Chinese session never shows an English sentence: every error a clerk can reach says its message in the
/// session's language. Each error type lists one sample of every case through a `switch` without `default`, so a
/// new case does not compile until it has a sample here.
@Suite struct MessageLanguageTests {
  static let hant = Messages(language: "zh-Hant")
  static let hans = Messages(language: "zh-Hans")

  /// The English words left in `text` once what is not prose is taken out: commands and code (`:edit 2.1`,
  /// `minutes resume 會議`, `--take-over`, `` `x` ``), paths, quoted values, addresses and a few names that are
  /// the same in every language (DRAFT, YAML, UTF-8, Tab, Enter, Ctrl-D…).
  static func englishWords(in text: String) -> [String] {
    var prose = text
    let notProse = [
      #"`[^`]*`"#, #"「[^」]*」"#, #"“[^”]*”"#, #"‘[^’]*’"#, #"《[^》]*》"#,
      #"minutes [a-z]+(?:[ ][^\s，。；、（）「」]+)*"#, #":(?:help|show|goto|add|edit|delete|move|undo|redo|check|save|export|quit)\b(?:[ ][^\s，。；、（）「」]+)*"#,
      // An address in a list of examples: 、date、present.2。
      #"(?<=[、，（：])[a-z][A-Za-z]*(?:\.[0-9A-Za-z+]+)*(?=[、，。）；]|$)"#,
      #"--[a-z-]+"#, #"(?:[A-Za-z]:)?/[^\s，。；、（）「」]*"#, #"\b[A-Za-z0-9_.+-]+\.(?:yaml|journal|cache|lock|txt)\b"#,
    ]
    for pattern in notProse {
      prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    let allowed: Set<String> = ["DRAFT", "YAML", "UTF", "JSON", "Tab", "Enter", "Ctrl", "Ctrl-C", "Ctrl-D", "pid", "ICU", "GB", "T"]
    return prose.components(separatedBy: CharacterSet.letters.inverted)
      .filter { $0.count >= 2 && $0.unicodeScalars.allSatisfy { $0.isASCII } && !allowed.contains($0) }
  }

  @Test func theDetectorFindsEnglishAndPassesChinese() {
    #expect(Self.englishWords(in: "The draft has no 2.1.") == ["The", "draft", "has", "no"])
    #expect(Self.englishWords(in: "草稿中沒有 2.1。輸入 :show 查看現有的地址。").isEmpty)
    #expect(Self.englishWords(in: "「Ann Lee」不是可選項。").isEmpty)
    #expect(Self.englishWords(in: "地址如 2、date、present.2。可用 :show 檢查、:edit 地址 修改。").isEmpty)
    #expect(Self.englishWords(in: "注意：the file was left as it is，請 :save").count == 7)
  }

  /// One of every ``AssistantError``.
  static let assistantErrors: [AssistantError] = {
    let all: [AssistantError] = [
      .unknownCommand("甲"), .usage(command: "edit", usage: ":edit 地址 [新內容]"), .invalidAddress("甲乙"),
      .noSuchPart("9.1"), .required(label: "日期"), .notAChoice(answer: "甲", choices: ["審議", "傳達"]),
      .invalidDate("2024-02-30"), .invalidNumber("甲"), .nothingToAdd("、、"), .invalidCount("甲"), .invalidTime("25:00"),
      .invalidLine("甲", missing: "表決", example: "王某 贊成"), .notEditable(address: "1.+", hint: "要添加，請用 :add 1"),
      .invalidPosition(position: "9", count: 2), .nothingTo("undo"), .nothingTo("redo"), .interviewFinished,
    ]
    // Fails to compile when a case is added without a sample above.
    for error in all {
      switch error {
      case .unknownCommand, .usage, .invalidAddress, .noSuchPart, .required, .notAChoice, .invalidDate, .invalidNumber,
        .nothingToAdd, .invalidCount, .invalidTime, .invalidLine, .notEditable, .invalidPosition, .nothingTo,
        .interviewFinished:
        break
      }
    }
    return all
  }()

  @Test(arguments: assistantErrors)
  func everyAssistantErrorSpeaksChinese(error: AssistantError) {
    for m in [Self.hant, Self.hans] {
      let message = error.message(m)
      #expect(Self.englishWords(in: message).isEmpty, "\(m.language): \(message)")
      #expect(!message.hasPrefix("error"), "\(message)")
    }
    #expect(!Self.englishWords(in: error.message(Messages(language: "en"))).isEmpty)
  }
}
