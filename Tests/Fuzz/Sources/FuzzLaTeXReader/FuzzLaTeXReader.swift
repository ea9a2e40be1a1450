import Symbolic

/// libFuzzer entry point: the bytes, decoded leniently as UTF-8, go through the LaTeX reader
/// as one value and through the statement splitter; whatever reads is printed back as LaTeX.
/// Reader errors are expected; only a crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let value = try? LaTeXReader.read(text), let e = value.scalar {
        _ = e.latex
    }
    for s in StatementReader.statements(text, line: 1, column: 1) {
        for item in s.items {
            if case .success(.scalar(let e)) = item.value { _ = e.latex }
        }
    }
    return 0
}
