import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// A convolution (cross-correlation, as deep-learning layers compute it) written as one
/// matrix–vector product `A x = z` (../shared/seeds 000): the input flattened row by row into x,
/// the feature map into z, and the entry of A for output (u, v) and input (i, j) the kernel weight
/// that meets that pixel, `w_{i - s u + p, j - s v + p}`, or 0. Checked entry by entry against the
/// convolution's definition with zero padding.
public enum ConvolutionMatrix {
    /// A bad size, stride or padding, in one line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The most entries of A (rows × columns) derived.
    public static let maximumEntries = 4_096

    /// `4x4` → (4, 4).
    public static func size(_ text: String) -> (Int, Int)? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts.allSatisfy({ $0 >= 1 && $0 <= 64 }) else { return nil }
        return (parts[0], parts[1])
    }

    public static func derivation(input: (Int, Int), kernel: (Int, Int), stride: Int, padding: Int) throws(Failure) -> Derivation {
        let (h, w) = input, (kh, kw) = kernel
        guard stride >= 1, padding >= 0, padding < max(kh, kw) else {
            throw Failure(description: "a stride of at least 1 and a padding smaller than the kernel")
        }
        let spanH = h + 2 * padding - kh, spanW = w + 2 * padding - kw
        guard spanH >= 0, spanW >= 0, spanH % stride == 0, spanW % stride == 0 else {
            throw Failure(description: "the kernel does not tile the (padded) input with stride \(stride): (size + 2·padding − kernel) must be a multiple of the stride")
        }
        let oh = spanH / stride + 1, ow = spanW / stride + 1
        guard oh * ow * h * w <= maximumEntries else { throw Failure(description: "a matrix of more than \(maximumEntries) entries") }
        func a(_ i: Int, _ j: Int) -> Expression { Expression(Symbol("a", subscriptText: "\(i + 1)\(j + 1)")) }
        func weight(_ p: Int, _ q: Int) -> Expression { Expression(Symbol("w", subscriptText: "\(p * kw + q + 1)")) }
        var d = Derivation(name: "conv-matrix", title: "A convolution as a matrix–vector product",
                           statement: "A \(kh) × \(kw) kernel slides over a \(h) × \(w) input with stride \(stride)\(padding > 0 ? " and zero padding \(padding)" : ""), giving a \(oh) × \(ow) feature map. Write the operation as $A x = z$, with $x$ the input and $z$ the feature map flattened row by row.")
        d.persianStatement = "یک هسته‌ی $\(kh) \\times \(kw)$ با گام $\(stride)$\(padding > 0 ? " و حاشیه‌ی صفر $\(padding)$" : "") روی ورودی $\(h) \\times \(w)$ می‌لغزد و نقشه‌ی ویژگی $\(oh) \\times \(ow)$ می‌دهد. این عملیات را به صورت ضرب ماتریس در بردار $A x = z$ بنویسید که $x$ ورودی و $z$ نقشه‌ی ویژگی (هر دو سطر به سطر) است."
        // The convolution by its definition.
        var z: [Expression] = []
        for u in 0..<oh {
            for v in 0..<ow {
                var terms: [Expression] = []
                for p in 0..<kh {
                    for q in 0..<kw {
                        let (i, j) = (u * stride + p - padding, v * stride + q - padding)
                        if i >= 0, i < h, j >= 0, j < w { terms.append(weight(p, q) * a(i, j)) }
                    }
                }
                z.append(Expression.sum(terms))
            }
        }
        let zm = Matrix(rows: oh * ow, columns: 1, entries: z)
        let general = "z_{uv} = \\sum_{p,q} w_{pq}\\, a_{\(stride) u + p\(padding > 0 ? " - \(padding)" : ""), \(stride) v + q\(padding > 0 ? " - \(padding)" : "")}\(padding > 0 ? " \\text{ (0 outside the input)}" : "")"
        d.steps.append(.init(.matrix(zm), .equal, .matrix(zm), "the convolution, each output the kernel times the pixels under it",
                             check: .remark, lhsLatex: general, rhsLatex: "\\text{for each output } (u, v)"))
        // Each output on a line of its own (a column of them is wider than a page).
        for (k, e) in z.enumerated() {
            d.steps.append(.init(e, e, "likewise", check: .definition, lhsLatex: "z_{\(k / ow + 1)\(k % ow + 1)}"))
        }
        // The matrix: the weight that meets pixel (i, j) for output (u, v).
        var entries: [Expression] = []
        for u in 0..<oh {
            for v in 0..<ow {
                for i in 0..<h {
                    for j in 0..<w {
                        let (p, q) = (i - u * stride + padding, j - v * stride + padding)
                        entries.append(p >= 0 && p < kh && q >= 0 && q < kw ? weight(p, q) : .zero)
                    }
                }
            }
        }
        let A = Matrix(rows: oh * ow, columns: h * w, entries: entries)
        // Each row of A shown on the input's grid: the kernel where it sits for that output.
        for r in 0..<(oh * ow) {
            let grid = Matrix(rows: h, columns: w, entries: Array(entries[(r * h * w)..<((r + 1) * h * w)]))
            d.steps.append(.init(.matrix(grid), .equal, .matrix(grid), r == 0 ? "row (u, v) of A on the input's grid: the weight on each pixel" : "likewise",
                                 check: .definition, lhsLatex: "A_{(\(r / ow + 1), \(r % ow + 1))}"))
        }
        d.steps.append(.init(.matrix(A), .equal, .matrix(A), "the rows, flattened", check: .definition, lhsLatex: "A",
                             rhsLatex: "\\text{\(oh * ow) × \(h * w), rows as above}", isResult: true))
        let x = Matrix(rows: h * w, columns: 1, entries: (0..<(h * w)).map { a($0 / w, $0 % w) })
        if let product = A * x {
            d.steps.append(.init(.matrix(product), .equal, .matrix(zm), "entry by entry",
                                 lhsLatex: "A x", rhsLatex: "z"))
        }
        return d
    }
}
