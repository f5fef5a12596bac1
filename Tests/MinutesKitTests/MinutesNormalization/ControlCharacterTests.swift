import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``Normalizer/removingControls(from:)``: terminal escape sequences go whole, control and invisible characters
/// one by one, and everything removed is reported, so that the assistant can say what it removed.
@Suite struct ControlCharacterTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var input: String
    var kept: String
    var sequences: [String] = []
    var controls: [Unicode.Scalar] = []
    var invisibles: [Unicode.Scalar] = []
    var testDescription: String { Messages.visible(input) }
  }

  static let cases: [Case] = [
    // CSI: clear the screen, colours (the issue's `[2J[31mRED` leftovers).
    Case(input: "\u{1B}[2J\u{1B}[31mRED\u{1B}[0m", kept: "RED", sequences: ["\u{1B}[2J", "\u{1B}[31m", "\u{1B}[0m"]),
    Case(input: "會議\u{1B}[1;31;42m審議", kept: "會議審議", sequences: ["\u{1B}[1;31;42m"]),
    Case(input: "a\u{1B}[?25lb", kept: "ab", sequences: ["\u{1B}[?25l"]),
    // OSC (a window title), ended by BEL or by ST; a hyperlink.
    Case(input: "x\u{1B}]0;title\u{07}y", kept: "xy", sequences: ["\u{1B}]0;title\u{07}"]),
    Case(input: "\u{1B}]8;;https://e.org\u{1B}\\link\u{1B}]8;;\u{1B}\\", kept: "link",
         sequences: ["\u{1B}]8;;https://e.org\u{1B}\\", "\u{1B}]8;;\u{1B}\\"]),
    // DCS up to ST; an arrow key in application mode (SS3); a character set (ESC ( B); ESC 7.
    Case(input: "\u{1B}Pq#0\u{1B}\\z", kept: "z", sequences: ["\u{1B}Pq#0\u{1B}\\"]),
    Case(input: "上\u{1B}OA下", kept: "上下", sequences: ["\u{1B}OA"]),
    Case(input: "\u{1B}(Bplain\u{1B}7", kept: "plain", sequences: ["\u{1B}(B", "\u{1B}7"]),
    // The 8-bit CSI (U+009B) and OSC (U+009D … ST U+009C).
    Case(input: "a\u{9B}31mb", kept: "ab", sequences: ["\u{9B}31m"]),
    Case(input: "a\u{9D}0;t\u{9C}b", kept: "ab", sequences: ["\u{9D}0;t\u{9C}"]),
    // A lone ESC, and sequences never finished: only the ESC goes, the text after it stays.
    Case(input: "a\u{1B}", kept: "a", controls: ["\u{1B}"]),
    Case(input: "a\u{1B}[12", kept: "a[12", controls: ["\u{1B}"]),
    Case(input: "\u{1B}]0;no end", kept: "]0;no end", controls: ["\u{1B}"]),
    Case(input: "長\u{1B}長", kept: "長長", controls: ["\u{1B}"]),
    // C0 controls, DEL and C1; white space stays (rule 3 collapses it).
    Case(input: "Bell\u{07}Nul\u{00}Del\u{7F}Nel\u{85}", kept: "BellNulDelNel", controls: ["\u{07}", "\u{00}", "\u{7F}", "\u{85}"]),
    Case(input: "tab\there\r", kept: "tab\there\r"),
    // Zero-width and bidirectional characters.
    Case(input: "名\u{202E}字\u{200B}", kept: "名字", invisibles: ["\u{202E}", "\u{200B}"]),
    Case(input: "\u{FEFF}管尊旭", kept: "管尊旭", invisibles: ["\u{FEFF}"]),
    // Nothing to remove: the same text.
    Case(input: "要堅持原則。", kept: "要堅持原則。"),
  ]

  @Test(arguments: cases)
  func escapeSequencesGoWholeAndEverythingRemovedIsReported(_ c: Case) {
    let (kept, removed) = Normalizer.removingControls(from: c.input)
    #expect(kept == c.kept)
    #expect(removed.escapeSequences == c.sequences)
    #expect(removed.controlCharacters == c.controls)
    #expect(removed.invisibleCharacters == c.invisibles)
    #expect(removed.isEmpty == (c.input == c.kept))
  }

  @Test func normalizingRemovesEscapeSequencesWholeToo() {
    #expect(Normalizer.normalize("\u{1B}[2J\u{1B}[31mRED") == "RED")
    #expect(Normalizer.normalize("會議 \u{1B}[31m 審議") == "會議審議")
  }

  @Test(arguments: ["", " ", "\t\r", "\u{1B}[2J", "\u{200B}\u{FEFF}", " \u{07} ", "a", " 會 ", "\u{1B}[2Jx", "\u{1B}", "\u{3000}"])
  func blankIsWhatNormalizesToNothing(text: String) {
    #expect(Normalizer.isBlank(text) == Normalizer.normalize(text).isEmpty)
  }

  @Test func aMegabyteLineIsScannedOnce() {
    let line = String(repeating: "長", count: 1_000_000) + "\u{1B}[0m"
    let (kept, removed) = Normalizer.removingControls(from: line)
    #expect(kept.count == 1_000_000)
    #expect(removed.escapeSequences == ["\u{1B}[0m"])
  }
}
