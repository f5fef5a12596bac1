// MinutesKit is the library's top: the drafting assistant, the drafting loop and the workspace. It re-exports the
// areas below it, so that a program (or a test) that imports MinutesKit sees the whole library.
@_exported import LineEditing
@_exported import MinutesExport
@_exported import MinutesImport
@_exported import MinutesInterview
@_exported import MinutesModel
@_exported import MinutesNormalization
@_exported import MinutesStorage
@_exported import MinutesTemplates
@_exported import MinutesValidation
