import MinutesModel

// MARK: - The script report

extension ScriptConversion {
  /// What the clerk is told of the conversion, in the language of `m` (the session's), one line each: the
  /// template's wording converted by ICU for want of a counterpart (and how to add one), then the characters to
  /// confirm, one line per character and what ICU wrote for it, with up to `places` of its places (address and
  /// the words around it), those lines indented by two spaces; or that there is none to confirm; or that the
  /// draft was in the script already and is exported as it is.
  public func report(_ m: Messages, places: Int = 5) -> [String] {
    guard isConverted else { return [m.alreadyInScript(script, template: sourceTemplate)] }
    var lines: [String] = []
    if counterpart == nil, let wanted = script.counterpartID(of: sourceTemplate) {
      lines.append(m.noCounterpart(sourceTemplate, wanted: wanted, script: script))
    }
    guard !uncertain.isEmpty else { return lines + [m.nothingToConfirm(script)] }
    lines.append(m.confirmHeading(uncertain.count, script: script))
    // One line per character and what ICU wrote for it, in the order first met.
    var groups: [(key: String, entries: [UncertainCharacter])] = []
    var index: [String: Int] = [:]
    for entry in uncertain {
      let key = "\(entry.character)\(entry.chosen)"
      if let at = index[key] { groups[at].entries.append(entry) } else {
        index[key] = groups.count
        groups.append((key, [entry]))
      }
    }
    for group in groups {
      let first = group.entries[0]
      var alternatives: [Character] = []
      for entry in group.entries { for c in entry.alternatives where !alternatives.contains(c) { alternatives.append(c) } }
      let shown = group.entries.prefix(places).map { m.place($0.address, context: $0.context) }
      let more = group.entries.count > places ? m.andMorePlaces(group.entries.count - places) : ""
      lines.append("  " + m.uncertainCharacter(first.character, chosen: first.chosen, alternatives: alternatives,
                                               places: m.list(shown) + more))
    }
    return lines
  }
}

extension Script {
  /// The other script.
  var other: Script { self == .hans ? .hant : .hans }
}

extension Messages {
  /// What the year, the month or the day of a date not filled in prints as, when the export prints them one by
  /// one (`{{date.month}}月{{date.day}}日`): a blank in brackets, as a form leaves one, `〔　〕月〔　〕日`, not
  /// the date's label twice.
  var missingBlank: String { self("〔　〕", "[ ]") }

  /// No template in the other script for `template`: its wording was converted too.
  func noCounterpart(_ template: String, wanted: String, script: Script) -> String {
    script == .hans
      ? self("範本 `\(template)` 沒有簡體字的對應範本 `\(wanted)`，所以它的用字也由 ICU 轉換；要自訂用字，可在工作區的 templates/ 中加上 \(wanted).yaml。",
             "template `\(template)` has no counterpart `\(wanted)` in Simplified characters, so its wording was converted by ICU too; to choose its words, add templates/\(wanted).yaml to the workspace.")
      : self("範本 `\(template)` 沒有繁體字的對應範本 `\(wanted)`，所以它的用字也由 ICU 轉換；要自訂用字，可在工作區的 templates/ 中加上 \(wanted).yaml。",
             "template `\(template)` has no counterpart `\(wanted)` in Traditional characters, so its wording was converted by ICU too; to choose its words, add templates/\(wanted).yaml to the workspace.")
  }

  /// The template is in the script asked for already.
  func alreadyInScript(_ script: Script, template: String) -> String {
    script == .hans
      ? self("範本 `\(template)` 本來就是簡體字，照原樣匯出。", "template `\(template)` is in Simplified characters already; exported as it is.")
      : self("範本 `\(template)` 本來就是繁體字，照原樣匯出。", "template `\(template)` is in Traditional characters already; exported as it is.")
  }

  /// Every character was decided.
  func nothingToConfirm(_ script: Script) -> String {
    script == .hans
      ? self("已轉為簡體字；ICU 每個字都能確定，沒有要核對的字。", "Converted to Simplified characters; ICU decided every character, so there is none to confirm.")
      : self("已轉為繁體字；ICU 每個字都能確定，沒有要核對的字。", "Converted to Traditional characters; ICU decided every character, so there is none to confirm.")
  }

  /// The heading of the characters to confirm.
  func confirmHeading(_ count: Int, script: Script) -> String {
    script == .hans
      ? self("已轉為簡體字。有 \(count) 處的字不止一種寫法，ICU 無法從上下文決定，用了最常見的一種；請核對：",
             "Converted to Simplified characters. \(count) character(s) have more than one form that ICU could not tell from the words around them; it wrote the most common one. Please confirm:")
      : self("已轉為繁體字。有 \(count) 處的字不止一種寫法，ICU 無法從上下文決定，用了最常見的一種；請核對：",
             "Converted to Traditional characters. \(count) character(s) have more than one form that ICU could not tell from the words around them; it wrote the most common one. Please confirm:")
  }

  /// One character to confirm: `后 → 後（也可能是 后）：2.1.3「…今后…」`.
  func uncertainCharacter(_ character: Character, chosen: Character, alternatives: [Character], places: String) -> String {
    let others = alternatives.map(String.init)
    return self("\(character) → \(chosen)（也可能是 \(others.joined(separator: "、"))）：\(places)",
                "\(character) → \(chosen) (or \(others.joined(separator: ", "))): \(places)")
  }

  /// Where a character to confirm is: an address of the draft, or the template's wording, and its words.
  func place(_ address: String?, context: String) -> String {
    guard let address else { return self("範本用字「\(context)」", "the template's wording “\(context)”") }
    return self("\(address)「\(context)」", "\(address) “\(context)”")
  }

  /// More places than are shown.
  func andMorePlaces(_ count: Int) -> String { self("等，另有 \(count) 處", " and \(count) more") }
}

/// The export's own wording in the documents it writes: the names of the DOCX styles a clerk sees in Word's
/// style list (the built-in styles, Title, Heading 1…, keep Word's names, which Word shows in its own language).
extension Messages {
  /// The style of the 纪要 mark.
  var styleMark: String { self("紀要標誌", "Minutes Mark") }
  /// The style of the issue number under the mark.
  var styleIssue: String { self("期號", "Issue Number") }
  /// The style of the issuing body and date line.
  var styleIssuer: String { self("印發機關和日期", "Issuer and Date") }
  /// The style of labelled lines (出席、請假、列席).
  var styleLabelled: String { self("名單", "Labelled Line") }
  /// The character style of a labelled line's label.
  var styleLabel: String { self("標注", "Label") }
  /// The style of a labelled line under a numbered entry.
  var styleDetail: String { self("細目", "Detail") }
  /// The style of the DRAFT line.
  var styleDraft: String { self("草稿標記", "Draft Mark") }
  /// The style of odd pages' numbers.
  var stylePageNumberOdd: String { self("頁碼（單頁）", "Page Number (odd pages)") }
  /// The style of even pages' numbers.
  var stylePageNumberEven: String { self("頁碼（雙頁）", "Page Number (even pages)") }
}
