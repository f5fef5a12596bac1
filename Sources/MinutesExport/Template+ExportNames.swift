import Foundation
import MinutesTemplates

extension Template {
  /// The words the export context offers besides the parts' keys: an entry's number (`n`, `zh`), an entry of a
  /// list of values (`value`), a gathered group's `key`, the text export's lines in a layout (`textLines`), and
  /// what a value offers inside a section over it (`{{#date}}{{year}}…{{/date}}`, `{{#kind}}{{phrase}}…`), and a
  /// Word layout's `tab`.
  static let contextWords: Set<String> = [
    "n", "zh", "value", "key", "textLines", "tab", "phrase", "year", "month", "day", "en", "enEnd", "full", "weekday", "hour", "minute",
  ]

  /// The names the export texts, partials, phrases and `join.entry` texts print or test whose first word is nothing the export context offers:
  /// no part's key at any depth, no `gather` name, no choice's value, no word of ``contextWords``. Such a name
  /// prints nothing and its section never prints (a part renamed, or written by its label or one of its `names`,
  /// which only addresses take: `{{texts}}` where the part is `paragraphs`). Each name once, in the order of the
  /// texts (`export.text` first, then the layouts and partials by name); `.`-relative names and positions
  /// (`first()`) are not judged. Texts that do not parse are left to the checker. Only the export formats in
  /// `formats` and the partials in `partials` are read, when given (those a file writes itself, not those of the
  /// template it extends, which may test parts the file removes on purpose).
  /// Each name as written (`shown`: `texts`, `empty(texts)`) with the word that is unknown (`texts`).
  package func unknownExportNames(formats: Set<String>? = nil, partials named: Set<String>? = nil) -> [(shown: String, word: String)] {
    var known = Self.contextWords
    func collect(_ parts: [Part]) {
      for part in parts {
        known.insert(part.key)
        known.formUnion(part.choiceValues)
        collect(part.parts)
      }
    }
    collect(parts)
    for gathering in gather {
      known.insert(gathering.name)
      if let apart = gathering.apart { known.insert(apart) }
      known.formUnion(gathering.lists.map(Template.Gathering.groupKey(of:)))
    }
    var found: [(shown: String, word: String)] = []
    func visit(_ shapes: [MustacheShape]) {
      for shape in shapes {
        switch shape {
        case .text: continue
        case .value(let name): judge(name)
        case .section(let name, _, let body):
          judge(name)
          visit(body)
        }
      }
    }
    func judge(_ name: MustacheShape.Name) {
      guard let first = name.path.first, !first.isEmpty, first != ".", !known.contains(first),
        !found.contains(where: { $0.shown == name.description })
      else { return }
      found.append((name.description, first))
    }
    let written = export.filter { formats?.contains($0.key) ?? true }
    let layouts: [String] = written.keys.filter { $0 != "text" && $0 != "css" }.sorted()
    var sources: [String] = written["text"].map { [$0] } ?? []
    sources += layouts.compactMap { written[$0] }
    sources += partials.keys.filter { named?.contains($0) ?? true }.sorted().compactMap { partials[$0] }
    // The parts' own small texts: a choice's phrases (`審議了{{subject}}`) and a list's `join.entry`.
    func smallTexts(_ parts: [Part]) {
      for part in parts {
        sources += part.rendering.phrases.keys.sorted().compactMap { part.rendering.phrases[$0] }
        if let entry = part.rendering.join?.entry { sources.append(entry) }
        smallTexts(part.parts)
      }
    }
    smallTexts(parts)
    for source in sources {
      // Partials put in place; one the template does not have (`{{> text}}`, the text export a layout prints) left out.
      let inlined = inliningPartials(source).replacing(/\{\{>[^}]*\}\}/, with: "")
      guard let shapes = try? MustacheShape.parse(inlined) else { continue }
      visit(shapes)
    }
    return found
  }
}
