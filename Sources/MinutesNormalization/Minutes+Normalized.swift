import MinutesModel
extension Minutes {
  /// The minutes with every text normalized (see ``Normalizer``); numbers, flags and the shape unchanged.
  public func normalized() -> Minutes {
    func normalize(_ value: Value) -> Value {
      switch value {
      case .text(let text): .text(Normalizer.normalize(text))
      case .number, .flag: value
      case .list(let entries): .list(entries.map(normalize))
      case .record(var record):
        {
          for key in record.fields.keys { record.fields[key] = normalize(record.fields[key]!) }
          return .record(record)
        }()
      }
    }
    var copy = self
    copy.content = normalize(.record(content)).record ?? content
    return copy
  }
}
