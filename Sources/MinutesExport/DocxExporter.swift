import Foundation
internal import ZIPFoundation
import MinutesModel
import MinutesTemplates

/// Writes minutes as a Word document (`.docx`, Office Open XML), without an office suite: the WordprocessingML
/// parts are written here and packed with ZIPFoundation.
///
/// **What it holds.** The paragraphs are the lines of the template's `export.docx`, a Mustache template like
/// `export.text` whose lines may start with a paragraph role (`@title`, `@heading1`, `@labelled`…, see
/// ``ParagraphRole``); `{{> text}}` in it is the whole text export, and `{{tab}}` a tab. A template without
/// `export.docx` gets its text export, each line styled by its look (``StyledParagraph/paragraphs(of:language:)``).
/// Blank lines only separate.
///
/// **How it looks.** A Chinese template is laid out per GB/T 9704-2012 (A4, 22 lines of 28 characters, 3号仿宋,
/// titles in 2号小标宋, headings in 黑体 and 楷体, `— 1 —` page numbers; the 纪要 mark and attendance blocks of
/// §10.3), an English one as a minutes document (US Letter, or A4 with `@page a4`). Each role is one named
/// paragraph style, so a clerk restyles the document in Word; runs carry no formatting of their own beyond a
/// label's character style and, in Chinese, the East Asian hint. See ``DocxLayout``.
///
/// **Draft.** A draft with errors starts with the DRAFT line, in its own style.
///
/// The same draft always gives the same document: no dates are written, and every entry of the package has the
/// same time.
public struct DocxExporter: Exporter {
  /// A Word document.
  public var format: ExportFormat { .docx }

  /// Creates a DOCX exporter.
  public init() {}

  /// The document's bytes.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export,
  ///   ``ExportError/invalidStyledExport(template:message:)`` when its `export.docx` has an unknown style, a
  ///   Mustache error when a template text does not parse (the checker refuses all three), or
  ///   ``ExportError/packageFailed(reason:)``.
  public func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput {
    let parts = try self.parts(minutes, template: template, options: options)
    return .binary(try Self.package(parts))
  }

  /// The paragraphs of the document, in order, each with its role.
  /// - Throws: as ``export(_:template:options:)``.
  public func paragraphs(_ minutes: Minutes, template: Template, options: ExportOptions = .default) throws -> [StyledParagraph] {
    try styled(minutes, template: template, options: options).paragraphs
  }

  /// The parts of the package, by path (`word/document.xml`, `word/styles.xml`…), each an XML text: what a
  /// golden test compares, since the ZIP's bytes may differ between ZIP libraries.
  /// - Throws: as ``export(_:template:options:)``.
  public func parts(_ minutes: Minutes, template: Template, options: ExportOptions = .default) throws -> [(path: String, xml: String)] {
    let (paragraphs, page) = try styled(minutes, template: template, options: options)
    let layout = DocxLayout(template: template, page: page)
    let title = paragraphs.first { $0.role == .title || $0.role == .mark }?.text ?? template.name
    return DocxParts(layout: layout, paragraphs: paragraphs, title: title).all
  }

  /// The paragraphs and the paper `export.docx` asks for.
  private func styled(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> (paragraphs: [StyledParagraph], page: String?) {
    guard let text = template.export[ExportFormat.text.rawValue] else {
      throw ExportError.formatNotInTemplate(format: ExportFormat.text.rawValue, template: template.id)
    }
    let source: StyledSource
    do {
      source = try StyledSource(parsing: template.export[format.rawValue] ?? "{{> text}}",
                                allowsPage: !template.language.hasPrefix("zh"))
    } catch {
      throw ExportError.invalidStyledExport(template: template.id, message: error.message)
    }
    let rendered = try TextExporter.render(source.mustache, contentType: "TEXT", minutes, template: template,
                                           partials: ["text": text], extra: ["tab": "\t"],
                                           marksMissing: options.draftErrors > 0)
    var paragraphs = StyledParagraph.paragraphs(of: rendered, language: template.language)
    if options.draftErrors > 0 {
      let banner = ExportFormat.draftBanner(errors: options.draftErrors, unparsed: ExportFormat.unparsedLines(of: minutes), template.messages)
      paragraphs.insert(contentsOf: banner.split(separator: "\n").map { StyledParagraph(.draft, String($0)) }, at: 0)
    }
    return (paragraphs, source.page)
  }

  /// The time every entry of the package carries: 1980-01-01, the first a ZIP entry can have.
  private static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// `parts` packed as a ZIP archive, deflated, `[Content_Types].xml` first.
  /// - Throws: ``ExportError/packageFailed(reason:)``.
  static func package(_ parts: [(path: String, xml: String)]) throws -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, xml) in parts {
        let bytes = Data(xml.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                             compressionMethod: .deflate) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw ExportError.packageFailed(reason: "no archive was made") }
      return data
    } catch let error as ExportError {
      throw error
    } catch {
      throw ExportError.packageFailed(reason: "\(error)")
    }
  }
}
