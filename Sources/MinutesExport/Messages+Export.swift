import MinutesModel

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
