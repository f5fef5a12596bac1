import Foundation
import Testing

@testable import MinutesExport
import MinutesModel
import MinutesTestSupport

/// The text export of a Chinese draft is handed over as the UTF-8 the renderer wrote (``ExportOutput/utf8(_:)``),
/// and says, byte for byte, what the string it had been made into says.
@Suite struct ExportOutputTests {
  /// The seed, with points whose end marks the template's 。 and ； would repeat (dropped in place in the bytes).
  static func draft() throws -> Minutes {
    var minutes = try TestSupport.seedAssistant().minutes
    minutes.setValue(.list([.text("要壓緊壓實防汛責任，確保群眾生命安全！"), .text("要加強汛期巡查值守，隱患排查是否到位？"),
                            .text("要牢記“人民至上、生命至上。”")]), at: Address(stored: "items.1.directives.1.points")!)
    return minutes
  }

  @Test func aChineseTextExportIsItsRenderedBytes() throws {
    let (template, minutes) = (try TestSupport.template(), try Self.draft())
    let output = try TextExporter().export(minutes, template: template, options: ExportOptions())
    guard case .utf8(let bytes) = output else { Issue.record("not bytes: \(output)"); return }
    let text = try TextExporter.text(minutes, template: template)
    #expect(bytes == Data(text.utf8))
    #expect(output.text == text)
    #expect(text.contains("確保群眾生命安全！要加強汛期巡查值守，隱患排查是否到位？要牢記“人民至上、生命至上。”\n"), "\(text)")
    // Through swift-mustache, which renders strings, the same text.
    #expect(try TextExporter.text(minutes, template: template, renderer: .mustache) == text)
  }

  @Test func aDraftsBannerComesFirstInTheBytes() throws {
    let (template, minutes) = (try TestSupport.template(), try Self.draft())
    let output = try TextExporter().export(minutes, template: template, options: ExportOptions(draftErrors: 2))
    guard case .utf8 = output else { Issue.record("not bytes: \(output)"); return }
    let text = try #require(output.text)
    #expect(text.hasPrefix("DRAFT 草稿：尚有 2 個錯誤，未定稿。\n"), "\(text.prefix(80))")
    #expect(text.hasSuffix(try TextExporter.text(minutes, template: template, marksMissing: true)))
  }

  /// An English text export stays a string: its sentence ends are mended on the text.
  @Test func anEnglishTextExportIsAString() throws {
    let board = try TestSupport.template(id: "board-meeting.en")
    let output = try TextExporter().export(Minutes(template: board.id), template: board, options: ExportOptions(draftErrors: 1))
    guard case .text(let text) = output else { Issue.record("not a string: \(output)"); return }
    #expect(text.hasPrefix("DRAFT"))
  }

  /// Text is equal to text of the same bytes, in either form, and hashes alike; never to a binary file.
  @Test func outputsAreEqualByTheirBytes() {
    let text = "第一項：研究了防汛工作。\n"
    #expect(ExportOutput.text(text) == .utf8(Data(text.utf8)))
    #expect(ExportOutput.text(text).hashValue == ExportOutput.utf8(Data(text.utf8)).hashValue)
    #expect(ExportOutput.text(text) != .binary(Data(text.utf8)))
    #expect(ExportOutput.utf8(Data(text.utf8)) != .binary(Data(text.utf8)))
    #expect(ExportOutput.text(text) != .text(text + "x"))
    #expect(ExportOutput.utf8(Data(text.utf8)).isText && !ExportOutput.binary(Data()).isText)
    // Bytes that are not UTF-8 (only from a caller's own `.utf8`) print as U+FFFD rather than failing.
    #expect(ExportOutput.utf8(Data([0x41, 0xFF])).text == "A\u{FFFD}")
  }

  /// Dropping the marks in place leaves what the string form leaves, on 5,000 drawn texts.
  @Test func marksDroppedInPlaceAreTheStringsMarks() {
    let pieces = ["。", "；", "！", "？", "”", "」", "丂", "乛", "會", "a", "\n"]
    var generator = SplitMix64(seed: 53)
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      var bytes = Array(text.utf8)
      let kept = bytes.withUnsafeMutableBufferPointer { TextExporter.dropRedundantChineseMarks($0) }
      #expect(String(decoding: bytes[..<kept], as: UTF8.self) == TextExporter.chineseSentenceEnds(text), "\(text)")
    }
  }
}
