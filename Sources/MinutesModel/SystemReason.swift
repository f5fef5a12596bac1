import Foundation

/// Why the system refused a file operation: the POSIX error number (`errno`) when one is known, and the system's
/// own text (`strerror`'s, or Foundation's). Messages say it by its number, in the session's language
/// (``message(_:)``), never by matching the English text.
public struct SystemReason: Hashable, Sendable, CustomStringConvertible {
  /// The POSIX error number (`ENOSPC`, `EACCES`…); `nil` when the system gave none.
  public var code: Int32?
  /// The system's text, in English.
  public var text: String

  /// A reason with this number and text.
  public init(code: Int32?, text: String) {
    self.code = code
    self.text = text
  }

  /// The reason for POSIX error `code` (by default the calling thread's `errno`), with `strerror`'s text.
  public static func posix(_ code: Int32 = errno) -> SystemReason {
    SystemReason(code: code, text: String(cString: strerror(code)))
  }

  /// The reason `error` gives: its POSIX number when it is a POSIX error or wraps one (Foundation's file errors
  /// do), else the number that its Cocoa file error code stands for, and its description.
  public init(_ error: any Error) {
    let nsError = error as NSError
    let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
    if nsError.domain == NSPOSIXErrorDomain {
      self.init(code: Int32(nsError.code), text: String(cString: strerror(Int32(nsError.code))))
    } else if let underlying, underlying.domain == NSPOSIXErrorDomain {
      self.init(code: Int32(underlying.code), text: String(cString: strerror(Int32(underlying.code))))
    } else {
      self.init(code: nsError.domain == NSCocoaErrorDomain ? Self.posixCode(ofCocoa: nsError.code) : nil,
                text: nsError.localizedDescription)
    }
  }

  /// The POSIX number a Cocoa file error code stands for, when there is one.
  private static func posixCode(ofCocoa code: Int) -> Int32? {
    switch CocoaError.Code(rawValue: code) {
    case .fileWriteOutOfSpace: ENOSPC
    case .fileWriteNoPermission, .fileReadNoPermission: EACCES
    case .fileNoSuchFile, .fileReadNoSuchFile: ENOENT
    case .fileWriteVolumeReadOnly: EROFS
    case .fileWriteFileExists: EEXIST
    case .fileReadTooLarge: EFBIG
    case .fileWriteInvalidFileName, .fileReadInvalidFileName: ENAMETOOLONG
    default: nil
    }
  }

  /// The system's text.
  public var description: String { text }

  /// The reason in the language of `m`: the usual POSIX errors in words of that language; any other is the
  /// system's text with its number.
  public func message(_ m: Messages) -> String {
    let wording: Messages.Wording? = switch code {
    case ENOSPC?: "磁碟空間不足"
    case EDQUOT?: "超出磁碟配額"
    case EROFS?: "檔案系統是唯讀的"
    case EACCES?, EPERM?: "沒有權限"
    case ENOENT?: "檔案或資料夾不存在"
    case ENOTDIR?: "路徑中有一段不是資料夾"
    case EISDIR?: "那是資料夾"
    case EEXIST?: "檔案已經存在"
    case EIO?: "讀寫裝置出錯"
    case EMFILE?, ENFILE?: "打開的檔案太多"
    case ENAMETOOLONG?: "檔名太長"
    case EFBIG?: "檔案太大"
    default: nil
    }
    guard m.isChinese else { return text }
    if let wording { return m(wording, text) }
    return m("系統錯誤\(code.map { " \($0)" } ?? "")：`\(text)`", text)
  }
}
