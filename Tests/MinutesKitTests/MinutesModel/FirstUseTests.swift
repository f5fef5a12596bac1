import Foundation
import Testing
import Yams

import MinutesModel
import MinutesTestSupport
@testable import MinutesTemplates

/// The shortcuts that spare a process Foundation's and Yams' first uses give what those give.
@Suite struct FirstUseTests {
  /// `precomposed` is Foundation's NFC, on texts drawn from ASCII, ideographs (of the blocks it passes by and of
  /// others: a compatibility ideograph decomposes), precomposed and decomposed letters, Hangul jamo that compose,
  /// a kana and its voicing mark, the Ångström sign (it decomposes to Å) and full-width forms.
  @Test func aTextIsPrecomposedAsFoundationComposesIt() {
    let pieces = [
      "a", "Z", "-", "_", "7", " ", "會", "议", "例", "\u{3400}", "\u{4DBF}", "\u{9FFF}", "\u{F900}", "\u{2F800}",
      "é", "e\u{301}", "A\u{30A}", "\u{212B}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "か", "\u{3099}", "が",
      "ｅ", "\u{301}", "\u{327}\u{301}", "Ω", "\u{2126}", "\u{0}",
    ]
    var random = SplitMix64(seed: 9)
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      #expect(text.precomposed == text.precomposedStringWithCanonicalMapping, "\(Array(text.unicodeScalars))")
    }
  }

  /// `Folder.names` lists what `FileManager` lists (hidden files, spaces, Chinese, a folder within), and `nil`
  /// for a folder that is not there or a file.
  @Test func aFolderListsWhatFileManagerLists() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in [".hidden", "a b.yaml", "會議.yaml", "e\u{301}", "x.lock.123"] {
      FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
    }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
    let names = try #require(Folder.names(atPath: folder.path))
    #expect(names.sorted() == (try FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted())
    #expect(names.count == 6)
    #expect(Folder.names(atPath: folder.appendingPathComponent("missing").path) == nil)
    #expect(Folder.names(atPath: folder.appendingPathComponent(".hidden").path) == nil)
  }

  /// A plain decimal is the number Yams' constructor makes of the scalar; anything else is left to Yams.
  @Test func aPlainDecimalIsYamsNumber() {
    let characters = Array("0123456789-+_x:.o ")
    var random = SplitMix64(seed: 11)
    var read = 0
    for _ in 0..<20_000 {
      let text = String((0..<Int.random(in: 1...7, using: &random)).map { _ in characters.randomElement(using: &random)! })
      guard let value = CompiledNode.plainDecimal(text) else { continue }
      read += 1
      #expect(Int.construct(from: Node.Scalar(text, Tag(.int))) == value, "\(text)")
    }
    #expect(read > 500)
    for text in ["017", "+1", "1_000", "0x1F", "1:30", "", "-", "--1", "-0", "99999999999999999999"] {
      #expect(CompiledNode.plainDecimal(text) == nil, "\(text)")
    }
    #expect(CompiledNode.plainDecimal("0") == 0 && CompiledNode.plainDecimal("-42") == -42)
  }

  /// A yes/no word is the value Yams' constructor makes of a scalar tagged `bool`; other spellings are left to it.
  @Test func aPlainYesOrNoIsYamsBool() {
    let words = ["true", "false", "yes", "no", "on", "off", "True", "FALSE", "Yes", "NO", "On", "oFF", "y", "n", "1", "0", "", " yes", "yes "]
    for word in words {
      if let value = CompiledNode.plainBool(word) {
        #expect(Bool.construct(from: Node.Scalar(word, Tag(.bool))) == value, "\(word)")
      } else {
        #expect(!["true", "false", "yes", "no", "on", "off"].contains(word), "\(word)")
      }
    }
  }

  /// `ProcessEnvironment` reads what `ProcessInfo` reads, an empty value included, and leaves out a name not set.
  @Test func theEnvironmentIsReadAsProcessInfoReadsIt() {
    let names = ["PATH", "HOME", "LANG", "TERM", "MINUTES_SURELY_NOT_SET_8c1f"]
    let environment = ProcessInfo.processInfo.environment
    #expect(ProcessEnvironment.values(names) == environment.filter { names.contains($0.key) })
  }
}
