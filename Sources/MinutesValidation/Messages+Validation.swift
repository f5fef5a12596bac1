import MinutesModel

/// The findings' messages, in the template's language: one place to read and translate them, out of the rules
/// that find them. Values put into a message (a clerk's answer, a name) are quoted with their control characters
/// written out and, past 60 characters, cut (``Messages/shown(_:)``): a file edited by hand may hold anything.
extension Messages {
  // MARK: - Required parts and values

  /// A required part is empty.
  func missingRequired(_ label: String) -> String {
    self("缺少必填部分「\(label)」", "Missing required part ‘\(label)’")
  }

  /// A list has fewer entries than the `minimum` it needs.
  func tooFewEntries(_ label: String, _ minimum: Int) -> String {
    self("「\(label)」至少要有 \(minimum) 項", "‘\(label)’ needs at least \(minimum) entries")
  }

  /// An entry of a list of records has nothing in it.
  var emptyEntry: String { self("這一項是空的", "This entry is empty") }

  /// A text part has nothing in it.
  var emptyPart: String { self("這一部分是空的", "This part is empty") }

  /// A number is not positive.
  func notPositive(_ n: Int) -> String { self("「\(n)」不是正整數", "‘\(n)’ is not a positive whole number") }

  /// A count is below 0.
  func notACount(_ n: Int) -> String { self("「\(n)」不是數目（0 或正整數）", "‘\(n)’ is not a count (0 or more)") }

  /// A date that does not exist (2024-02-30).
  func noSuchDate(_ text: String) -> String { self("「\(shown(text))」不是存在的日期", "‘\(shown(text))’ is not a date that exists") }

  /// A date given by its day alone (`---13`): not wrong, since some reports print only the day, but unusual.
  func dateWithoutMonth(_ text: String) -> String {
    self("日期「\(shown(text))」只有日，沒有月份；報道若本就如此可不理會，否則請補上月份（如 9-13）",
         "The date ‘\(shown(text))’ gives the day without its month; if the report prints it so, leave it, else add the month (e.g. 9-13)")
  }

  /// A value kept for a part (`label`) that does not apply where it is: the part `key` (its label) holds one of
  /// `values` (`unless`), or holds none of them (`when`; `values` empty: is not filled in). Not exported.
  func notApplicable(_ label: String, key: String, values: [String], isUnless: Bool) -> String {
    // Words, not values put in: in a Simplified session they are converted with the rest (為 → 为, 「」 → “”).
    var quoted: Wording = ""
    for (offset, value) in values.enumerated() { quoted = quoted + (offset > 0 ? "或" : "") + "「\(shown(value))」" }
    let english = values.map { "“\(shown($0))”" }.joined(separator: " or ")
    let zh: Wording = isUnless
      ? "「\(key)」為" + quoted + "時不適用" : values.isEmpty ? "只在填寫了「\(key)」時適用" : "只在「\(key)」為" + quoted + "時適用"
    let en = isUnless ? "it does not apply when ‘\(key)’ is \(english)" : values.isEmpty ? "it applies only when ‘\(key)’ is filled in" : "it applies only when ‘\(key)’ is \(english)"
    return self("「\(label)」的內容已保存，但不會印出：" + zh + "；若它有誤請刪除，否則請改「\(key)」",
                "‘\(label)’ is kept but not printed: \(en); delete it if it is wrong, else change ‘\(key)’")
  }

  /// A time that does not exist.
  func noSuchTime(_ text: String) -> String { self("「\(shown(text))」不是有效時間", "‘\(shown(text))’ is not a valid time") }

  /// A closed choice holds a value the template does not offer.
  func notAChoice(_ text: String, _ choices: [String]) -> String {
    self("「\(shown(text))」不是可選項（\(list(choices))）", "‘\(shown(text))’ is not one of the choices (\(list(choices)))")
  }

  /// Matching a text against its part's `pattern` (the part labelled `label`) took more than its step budget.
  func patternTooCostly(_ label: String) -> String {
    self("範本為「\(label)」設定的格式規則（pattern）太費時，無法判斷這個答案是否符合；請範本作者簡化它",
         "The template's pattern for ‘\(label)’ takes too long to decide whether this answer fits; ask the template's author to simplify it")
  }

  // MARK: - Marks and script

  /// A mark without its partner.
  func unbalanced(_ mark: Character) -> String { self("「\(mark)」不成對", "‘\(mark)’ has no partner") }

  /// Half-width punctuation next to CJK text.
  var halfWidthPunctuation: String { self("中文旁有半形標點", "Half-width punctuation next to Chinese text") }

  /// Traditional characters in a Simplified template's text, each named apart (`並、乾`), never run together.
  func traditionalInSimplified(_ characters: String) -> String {
    self("可能混入了繁體字：\(Self.listed(characters, "、"))", "Traditional characters in Simplified text: \(Self.listed(characters, ", "))")
  }

  /// Simplified characters in a Traditional template's text, each named apart (`并、干`), never run together.
  func simplifiedInTraditional(_ characters: String) -> String {
    self("可能混入了簡體字：\(Self.listed(characters, "、"))", "Simplified characters in Traditional text: \(Self.listed(characters, ", "))")
  }

  /// The characters of `characters` one by one, `separator` between them: `并、干` rather than `并干`, which reads
  /// as a word.
  private static func listed(_ characters: String, _ separator: String) -> String {
    characters.map(String.init).joined(separator: separator)
  }

  // MARK: - Attendance

  /// A person listed twice in one category.
  func listedTwice(_ name: String, in label: String, earlier: String) -> String {
    self("「\(shown(name))」在\(label)中列了兩次（另見 \(earlier)）", "‘\(shown(name))’ is listed twice in \(label) (see also \(earlier))")
  }

  /// A person named twice in one entry of a list (a group's names: `副區長 袁立新、袁立新`), at `entry`.
  func listedTwiceInOneEntry(_ name: String, in label: String, entry: String) -> String {
    self("「\(shown(name))」在\(label)的同一組（\(entry)）中列了兩次", "‘\(shown(name))’ is listed twice in one entry of \(label) (\(entry))")
  }

  /// A person listed in two categories.
  func listedInBoth(_ name: String, _ earlierLabel: String, at earlier: String, and label: String) -> String {
    self("「\(shown(name))」同時列在\(earlierLabel)（\(earlier)）和\(label)中",
         "‘\(shown(name))’ is listed both in \(earlierLabel) (\(earlier)) and in \(label)")
  }

  /// The chair is repeated among those present.
  func chairListed(_ name: String, in label: String) -> String {
    self("主持人「\(shown(name))」不必再列入\(label)", "The chair ‘\(shown(name))’ need not be listed again")
  }

  // MARK: - Motions and votes

  /// A motion without its mover.
  var noMover: String { self("動議沒有動議人", "The motion has no mover") }

  /// A motion without its disposition.
  var noDisposition: String { self("動議沒有結果", "The motion has no disposition") }

  /// More votes than members present.
  func votesExceedPresent(_ total: Int, present: Int) -> String {
    self("票數（\(total)）多於出席人數（\(present)）", "\(total) votes were counted but only \(present) members were present")
  }

  /// Reported adopted without a majority of the votes cast.
  func adoptedWithoutMajority(_ yes: Int, of cast: Int) -> String {
    self("結果為通過，但贊成票（\(yes)）未過半數", "Reported adopted, but \(yes) in favor is not a majority of the votes cast (\(cast))")
  }

  /// Reported failed with a majority of the votes cast.
  func failedWithMajority(_ yes: Int, of cast: Int) -> String {
    self("結果為否決，但贊成票（\(yes)）已過半數", "Reported failed, but \(yes) in favor is a majority of the votes cast (\(cast))")
  }

  /// A member votes twice in a roll call.
  func votesTwice(_ member: String, earlier: Int) -> String {
    self("「\(shown(member))」投了兩次票（另見第 \(earlier) 項）", "‘\(shown(member))’ votes twice (see also entry \(earlier))")
  }

  /// A voter not among those present.
  func voterNotPresent(_ member: String) -> String {
    self("投票人「\(shown(member))」不在出席名單中", "‘\(shown(member))’ voted but is not listed as present")
  }

  /// The words of the three counts, in a tally mismatch.
  var inFavor: String { self("贊成", "in favor") }
  /// See ``inFavor``.
  var opposed: String { self("反對", "opposed") }
  /// See ``inFavor``.
  var abstaining: String { self("棄權", "abstaining") }

  /// The count reported as `word` differs from the roll call's.
  func tallyMismatch(_ word: String, reported count: Int, counted: Int) -> String {
    self("報告\(word) \(count) 票，但點名表決中為 \(counted) 票", "\(count) reported \(word), but the roll call has \(counted)")
  }

  /// A finding's severity as a line of `:check` names it: 錯誤 or 提醒 in Chinese, `error` or `warning` in English.
  func severity(_ severity: Finding.Severity) -> String {
    switch severity {
    case .error: self("錯誤", "error")
    case .warning: self("提醒", "warning")
    }
  }
}
