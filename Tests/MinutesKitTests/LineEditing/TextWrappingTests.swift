import Testing

import LineEditing
import MinutesTemplates
import MinutesTestSupport

/// Lines wrapped for a terminal: at spaces and between CJK characters, never inside a word, East Asian width.
@Suite struct TextWrappingTests {
  @Test func wrapsAtSpacesNeverInsideAWord() {
    #expect(TextWrapping.wrap("The organization's name? (e.g. Harborview Literacy Alliance)", width: 40)
      == "The organization's name? (e.g.\nHarborview Literacy Alliance)")
    #expect(TextWrapping.wrap("short", width: 40) == "short")
    #expect(TextWrapping.wrap("a verylongwordthatdoesnotfit b", width: 10) == "a\nverylongwordthatdoesnotfit\nb")
    #expect(TextWrapping.wrap("two\nlines that wrap", width: 10) == "two\nlines that\nwrap")
  }

  @Test func wrapsBetweenCJKCountingTwoColumnsAndKeepsPunctuationWithItsCharacter() {
    #expect(TextWrapping.columns(of: "會議2022") == 8)
    #expect(TextWrapping.columns(of: "e\u{301}") == 1)
    #expect(TextWrapping.wrap("會議日期？（年-月-日，如 2022-05-20；年份存檔，報道中不印出）", width: 30)
      == "會議日期？（年-月-日，如\n2022-05-20；年份存檔，報道中不\n印出）")
    // Never a line starting with ，or ending with （.
    let wrapped = TextWrapping.wrap("甲乙丙丁，戊（己庚）", width: 8)
    for line in wrapped.split(separator: "\n") {
      #expect(TextWrapping.columns(of: line) <= 8)
      #expect(line.first != "，" && line.last != "（")
    }
  }

  /// Every question of every built-in template (33 of 128 are longer than 80 columns; a terminal left to itself
  /// breaks 17 of them inside a word or before closing punctuation at 80 columns, 32 at 60): wrapped, no line is
  /// wider than the window, no ASCII word is cut, no line starts with closing punctuation.
  @Test(arguments: [80, 60, 40]) func everyBuiltInQuestionWrapsCleanly(width: Int) throws {
    var questions: [String] = []
    func collect(_ part: Part) {
      if let question = part.asking.question { questions.append(question) }
      part.parts.forEach(collect)
    }
    for id in TestSupport.builtInTemplates { collect(try TestSupport.template(id: id).root) }
    #expect(questions.count > 100)
    for question in questions {
      let lines = TextWrapping.wrap(question, width: width).split(separator: "\n").map(String.init)
      // Walk the question along the lines: a break without a space there must not be inside an ASCII word.
      let characters = Array(question)
      var position = 0
      for (index, line) in lines.enumerated() {
        #expect(Array(characters[position..<min(characters.count, position + line.count)]) == Array(line), "\(question)")
        position += line.count
        guard index + 1 < lines.count, position < characters.count else { continue }
        if characters[position] == " " {
          while position < characters.count, characters[position] == " " { position += 1 }
          continue
        }
        let before = characters[position - 1], after = characters[position]
        let cutsAWord = before.isASCII && (before.isLetter || before.isNumber) && after.isASCII && (after.isLetter || after.isNumber)
        #expect(!cutsAWord, "\(line) | \(lines[index + 1])")
        #expect(!"，。、；：？！）」』》".contains(after), "\(line) | \(lines[index + 1])")
      }
      for line in lines where line.contains(" ") || TextWrapping.columns(of: line) > width {
        // Only a single word wider than the window may exceed it.
        if TextWrapping.columns(of: line) > width { #expect(!line.contains(" "), "\(line)") }
      }
    }
  }
}
