import Foundation

extension ExportFormat {
  /// The format each file extension chooses when no format is named (`minutes export -o FILE`, `:export FILE`),
  /// by the format's name, in the one place that says it. Names this build has no format for are refused as
  /// unknown formats, so a format added to ``ExportFormat`` under its name is chosen by its extensions at once.
  public static let namesByExtension: [String: String] = [
    "txt": "text", "text": "text",
    "md": "markdown", "markdown": "markdown",
    "html": "html", "htm": "html",
    "json": "json",
    "docx": "docx",
  ]

  /// The extensions that choose a format of this build, as the messages list them: `.txt, .md, …`.
  public static var knownExtensions: String {
    let order = ["txt", "md", "html", "json", "docx"]
    return order.filter { namesByExtension[$0].flatMap(ExportFormat.init(rawValue:)) != nil }
      .map { "." + $0 }.joined(separator: ", ")
  }

  /// The names of the formats of this build, for messages.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// The format named `name`: its name (`text`, `markdown`…) or an extension that chooses it (`md`, `txt`), in
  /// any case.
  /// - Throws: ``ExportError/unknownFormat(_:available:)``.
  public init(named name: String) throws {
    let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
    let bare = lowered.hasPrefix(".") ? String(lowered.dropFirst()) : lowered
    guard let format = ExportFormat(rawValue: bare) ?? Self.namesByExtension[bare].flatMap(ExportFormat.init(rawValue:)) else {
      throw ExportError.unknownFormat(name, available: Self.names)
    }
    self = format
  }

  /// The format the extension of the file at `path` chooses (see ``namesByExtension``); text for a file without
  /// an extension.
  /// - Throws: ``ExportError/unknownExtension(file:extension:)`` for an extension that chooses no format,
  ///   ``ExportError/unknownFormat(_:available:)`` for a format this build does not have.
  public init(forFile path: String) throws {
    let ext = URL(fileURLWithPath: path).pathExtension
    guard !ext.isEmpty else {
      self = .text
      return
    }
    guard let name = Self.namesByExtension[ext.lowercased()] else {
      throw ExportError.unknownExtension(file: path, extension: ext)
    }
    try self.init(named: name)
  }

  /// The format the extension of the file at `path` names; `nil` for a file without an extension (exported as text,
  /// but nothing about its name says so) or with one that names no format. What `--format` is compared with, to
  /// warn that a file is written in another format than its name says (`notes.txt` written as JSON).
  public static func named(byExtensionOf path: String) -> ExportFormat? {
    URL(fileURLWithPath: path).pathExtension.isEmpty ? nil : try? ExportFormat(forFile: path)
  }
}

/// What an export is asked for beyond the draft: its format and the script of its Chinese characters (what the
/// exporter itself is told is ``ExportOptions``).
public struct ExportRequest: Sendable, Hashable {
  /// The format.
  public var format: ExportFormat
  /// The script to convert a Chinese export to (see ``ScriptConversion``); `nil` leaves it in the template's.
  public var script: Script?

  /// Text in the template's own script.
  public static let `default` = ExportRequest()

  /// A request for `format` in `script`.
  public init(format: ExportFormat = .text, script: Script? = nil) {
    (self.format, self.script) = (format, script)
  }

  /// The request as typed on a command line (`--format`, `--script`) for an export to `file`: the format named,
  /// else the one the file's extension chooses, else text.
  /// - Throws: ``ExportError/unknownFormat(_:available:)``, ``ExportError/unknownExtension(file:extension:)``,
  ///   ``ExportError/unknownScript(_:)``.
  public init(format: String?, script: String?, file: String?) throws {
    if let format {
      self.format = try ExportFormat(named: format)
    } else if let file {
      self.format = try ExportFormat(forFile: file)
    } else {
      self.format = .text
    }
    if let script {
      guard let named = Script(named: script) else { throw ExportError.unknownScript(script) }
      self.script = named
    } else {
      self.script = nil
    }
  }
}
