import Foundation
import Testing

@testable import MinutesExport
import MinutesModel
import MinutesTestSupport

/// The text export of a Chinese draft is handed over to be rendered as it is written (``ExportOutput/rendering(_:)``),
/// and says, byte for byte, what the string it had been made into says, whole or a piece at a time.
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
    guard case .rendering = output else { Issue.record("not a rendering: \(output)"); return }
    let text = try TextExporter.text(minutes, template: template)
    #expect(output.data == Data(text.utf8))
    var written = Data()
    try output.write { written.append(contentsOf: $0) }
    #expect(written == Data(text.utf8))
    #expect(output.text == text)
    #expect(text.contains("確保群眾生命安全！要加強汛期巡查值守，隱患排查是否到位？要牢記“人民至上、生命至上。”\n"), "\(text)")
    // Through swift-mustache, which renders strings, the same text.
    #expect(try TextExporter.text(minutes, template: template, renderer: .mustache) == text)
  }

  @Test func aDraftsBannerComesFirstInTheBytes() throws {
    let (template, minutes) = (try TestSupport.template(), try Self.draft())
    let output = try TextExporter().export(minutes, template: template, options: ExportOptions(draftErrors: 2))
    guard case .rendering = output else { Issue.record("not a rendering: \(output)"); return }
    let text = try #require(output.text)
    var written = Data()
    try output.write { written.append(contentsOf: $0) }
    #expect(written == output.data)
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

  /// Rendered a piece at a time, a text is the same bytes as rendered whole, its marks dropped alike: on 3,000
  /// drawn drafts of points ending in marks, lines and ASCII, in pieces of 1 to 40 bytes (where a mark and the
  /// mark it follows fall in two pieces if cut anywhere but after an ASCII byte). Each piece but the last ends
  /// after an ASCII byte.
  @Test func aTextInPiecesIsTheTextWhole() throws {
    let template = try TestSupport.template()
    var minutes = try TestSupport.seedAssistant().minutes
    let pieces = ["。", "；", "！", "？", "”", "」", "會", "a", "1", "\n"]
    var generator = SplitMix64(seed: 54)
    let address = Address(stored: "items.1.directives.1.points")!
    for _ in 0..<3_000 {
      let points = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        Value.text("要" + (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
      }
      minutes.setValue(.list(points), at: address)
      let output = try TextExporter().export(minutes, template: template, options: ExportOptions())
      guard case .rendering(let rendering) = output else { Issue.record("not a rendering: \(output)"); return }
      let size = Int.random(in: 1...40, using: &generator)
      var written: [Data] = []
      rendering.renderer.renderUTF8(rendering.root, piece: size, edit: { TextExporter.dropRedundantChineseMarks($0) }) {
        written.append(Data($0))
      }
      #expect(written.dropLast().allSatisfy { ($0.last ?? 0x80) < 0x80 }, "\(points)")
      #expect(written.reduce(Data(), +) == output.data, "\(points) in pieces of \(size)")
    }
  }

  /// A sink that fails is told nothing more, and its error is what writing throws.
  @Test func writingStopsAtTheSinksError() throws {
    struct Full: Error {}
    let output = try TextExporter().export(try Self.draft(), template: try TestSupport.template(), options: ExportOptions(draftErrors: 1))
    var calls = 0
    #expect(throws: Full.self) {
      try output.write { _ in
        calls += 1
        throw Full()
      }
    }
    #expect(calls == 1)
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
