import Foundation
import Mustache

/// A structured template: the questions the assistant asks, the choices it offers, what is required, and the
/// prose of the text export. Loaded from a YAML file a clerk can read (see `templates/`).
///
/// Field ids name the parts of ``Minutes`` the assistant asks for, in interview order:
/// `date`, `period`, `chair.title`, `chair.name`, `term`, `body`, `number`, `kind`, `item.kind`,
/// `item.subject`, `item.status`, `item.followup`, `directive.verb`, `directive.topic`, `directive.lead`,
/// `point`, `arrangements.scope`, `arrangements.topic`, `other`, `present`, `attending`, `absent`.
public struct Template: Codable, Sendable {
  /// The newest template format this version reads.
  public static let currentFormat = 1

  /// Every field id, in interview order.
  public static let fieldIDs = [
    "date", "period", "chair.title", "chair.name", "term", "body", "number", "kind", "item.kind",
    "item.subject", "item.status", "item.followup", "directive.verb", "directive.topic", "directive.lead",
    "point", "arrangements.scope", "arrangements.topic", "other", "present", "attending", "absent",
  ]

  /// The template format version.
  public var format: Int
  /// The id used on the command line, e.g. `gov-executive.zh-Hant`.
  public var id: String
  /// A human name for the template.
  public var name: String
  /// The BCP 47 language tag of its prose, e.g. `zh-Hant`.
  public var language: String
  /// Short names for the nested parts, used in prompts (議題2 指示1 要點3).
  public var labels: Labels
  /// The questions, keyed by field id.
  public var fields: [String: Field]
  /// The agenda item kinds, with the opening each renders to.
  public var itemKinds: [ItemKind]
  /// The words that answer yes or no (for `other`).
  public var yesNo: YesNo
  /// How attendance lists are joined.
  public var attendance: AttendanceStyle
  /// The export templates, by format (`text`).
  public var export: [String: String]

  /// The labels of nested parts.
  public struct Labels: Codable, Sendable, Hashable {
    /// The label of an agenda item, e.g. 議題.
    public var item: String
    /// The label of a directive, e.g. 指示.
    public var directive: String
    /// The label of a point, e.g. 要點.
    public var point: String
  }

  /// One question of the interview.
  public struct Field: Codable, Sendable, Hashable {
    /// A short name shown in the prompt, e.g. 日期.
    public var label: String
    /// The question, a Mustache template that may use `{{item}}`, `{{directive}}`, `{{point}}`, `{{n}}`.
    public var question: String
    /// Whether a draft is incomplete without it; for list fields, whether at least one entry is needed.
    public var required: Bool
    /// The allowed answers, offered with Tab; `nil` for free text.
    public var choices: [String]?
    /// Whether answers outside ``choices`` are accepted (the choices are then only suggestions).
    public var isOpen: Bool

    private enum CodingKeys: String, CodingKey {
      case label, question, required, choices
      case isOpen = "open"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      label = try c.decode(String.self, forKey: .label)
      question = try c.decode(String.self, forKey: .question)
      required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
      choices = try c.decodeIfPresent([String].self, forKey: .choices)
      isOpen = try c.decodeIfPresent(Bool.self, forKey: .isOpen) ?? false
    }
  }

  /// An agenda item kind, e.g. 審議.
  public struct ItemKind: Codable, Sendable, Hashable {
    /// The name typed by the clerk and stored in the draft.
    public var name: String
    /// Whether the subject is a document title (printed in 《》) with a status.
    public var document: Bool
    /// The opening sentence without its final mark, a Mustache template over `subject`, `status`.
    public var opening: String

    private enum CodingKeys: String, CodingKey { case name, document, opening }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      document = try c.decodeIfPresent(Bool.self, forKey: .document) ?? false
      opening = try c.decode(String.self, forKey: .opening)
    }
  }

  /// The answers that mean yes and no.
  public struct YesNo: Codable, Sendable, Hashable {
    /// Words meaning yes; the first is offered with Tab.
    public var yes: [String]
    /// Words meaning no.
    public var no: [String]
  }

  /// How names are joined in attendance paragraphs.
  public struct AttendanceStyle: Codable, Sendable, Hashable {
    /// Between names within a group (、).
    public var nameSeparator: String
    /// Between groups (，).
    public var groupSeparator: String
    /// Between groups when every group has a single name (、).
    public var singleNameGroupSeparator: String
  }

  /// The field with id `id`. Templates are validated on load, so every id in ``fieldIDs`` is present.
  public func field(_ id: String) -> Field {
    fields[id] ?? Field(label: id, question: id)
  }

  /// The item kind named `name`, if the template has it.
  public func itemKind(named name: String) -> ItemKind? {
    itemKinds.first { $0.name == name }
  }
}

extension Template.Field {
  init(label: String, question: String) {
    self.label = label
    self.question = question
    self.required = false
    self.choices = nil
    self.isOpen = true
  }
}
