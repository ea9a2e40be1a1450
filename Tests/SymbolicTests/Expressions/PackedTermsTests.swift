import Dispatch
import Synchronization
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// A sum whose terms are held packed must be indistinguishable from the same sum built term by
/// term: the same terms in the same order, the same hash, equal both ways.
@Suite struct PackedTermsTests {
    private let x = Expression.symbol("x"), y = Expression.symbol("y"), z = Expression.symbol("z")

    /// `Π factors` distributed summand by summand through products and a sum builder (never the
    /// expansion kernel), so the result is a sum with listed terms.
    private func distributed(_ factors: [Expression]) -> Expression {
        var summands: [Expression] = [1]
        for f in factors {
            let parts: [Expression]
            if case .add(let a) = f.kind {
                parts = a.terms.map { Expression.scale($0.term, by: $0.coefficient) } + (a.constant.isZero ? [] : [Expression(a.constant)])
            } else {
                parts = [f]
            }
            summands = summands.flatMap { s in parts.map { s * $0 } }
        }
        return Expression.sum(summands)
    }

    private func packed(_ e: Expression) -> PackedTerms? {
        if case .add(let a) = e.kind { return a.packed }
        return nil
    }

    private var sums: [Expression] {
        let sinZ = Expression.apply(.sin, [z])
        return [
            x + 2 * y - 3,
            x / 2 + y / 3 + sinZ / 5 + Expression(Rational(1, 7)!),
            x.pow(2) - 4 * x * y + Expression.pi * z,
            x + y.pow(3) + sinZ,
            x - y + 2 * z + sinZ - Expression.pi / 3 + Expression.symbol("t") + 1,
        ]
    }

    @Test func packedSumsAreTheSumsBuiltTermByTerm() {
        var packedCount = 0
        for a in sums {
            for b in sums {
                for k in [1, 2, 4] {
                    let factors = [Expression](repeating: a, count: k) + [b]
                    let expansion = Expression.product(factors).expanded()
                    let expected = distributed(factors)
                    #expect(packed(expected) == nil)
                    if case .add(let q) = expected.kind {
                        // Small sums are listed at once.
                        #expect((packed(expansion) != nil) == (q.terms.count >= PackedTerms.minimumCount))
                    }
                    if packed(expansion) != nil { packedCount += 1 }
                    #expect(expansion == expected && expected == expansion, "\(factors)")
                    #expect(expansion.node.hash == expected.node.hash, "\(factors)")
                    guard case .add(let p) = expansion.kind, case .add(let q) = expected.kind else { continue }
                    #expect(p.termCount == q.terms.count)
                    #expect(p.terms.map(\.term) == q.terms.map(\.term))
                    #expect(p.terms.map(\.coefficient) == q.terms.map(\.coefficient))
                }
            }
        }
        #expect(packedCount >= 4)
    }

    /// `sums[1]³ · sums[2]² · sums[3]`, large enough to be packed.
    private var large: [Expression] { [sums[1], sums[1], sums[1], sums[2], sums[2], sums[3]] }

    @Test func scalingAndShiftingKeepTheTermsPacked() {
        let f = Expression.product(large).expanded()
        let listed = distributed(large)
        for (a, b) in [(f * Expression(Rational(-3, 4)!), listed * Expression(Rational(-3, 4)!)),
                       (f + 5, listed + 5), (7 + f, 7 + listed)] {
            #expect(packed(a) != nil)
            #expect(a == b && a.node.hash == b.node.hash)
        }
        // Cancelling the constant leaves the terms.
        guard case .add(let a) = f.kind else { Issue.record("not a sum"); return }
        let shifted = f + Expression(-a.constant)
        #expect(shifted == listed - Expression(a.constant))
    }

    @Test func packedSumsExpandAgainInAnotherPacking() {
        // f's packing has x, y, sin z; the second expansions add t and raise the degrees.
        let t = Expression.symbol("t")
        let f = Expression.product(large).expanded()
        #expect(packed(f) != nil)
        for g in [f * (f + 1) + t, (f + t) * x, f * Expression.apply(.sin, [f])] {
            let listed = listedCopy(g)
            #expect(g == listed)
            #expect(g.expanded() == listed.expanded(), "\(g)")
        }
    }

    /// `g` with every packed sum in it rebuilt through a sum builder, with listed terms.
    private func listedCopy(_ g: Expression) -> Expression {
        switch g.kind {
        case .add(let a):
            let copy = Expression.sum(a.terms.map { Expression.scale(listedCopy($0.term), by: $0.coefficient) } + [Expression(a.constant)])
            #expect(packed(copy) == nil)
            return copy
        case .mul(let m):
            return Expression.product([Expression(m.coefficient)] + m.factors.map { listedCopy($0.base).pow(listedCopy($0.exponent)) })
        case .power(let b, let e):
            return listedCopy(b).pow(listedCopy(e))
        case .function(let f, let args):
            return Expression.apply(f, args.map(listedCopy))
        default:
            return g
        }
    }

    @Test func aSingleTermIsNotASum() {
        let e = ((x + y).pow(2) - x.pow(2) - 2 * x * y).expanded()
        #expect(e == y.pow(2))
        let c = ((x + 1) * (x - 1) - x.pow(2)).expanded()
        #expect(c == -1)
    }

    @Test func termsAreBuiltOnceUnderConcurrentReads() {
        let f = Expression.product(large).expanded()
        guard case .add(let a) = f.kind, a.packed != nil else { Issue.record("not a packed sum"); return }
        let expected = distributed(large)
        let agreeing = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if Expression(.add(Add(constant: a.constant, terms: a.terms))) == expected { agreeing.add(1, ordering: .relaxed) }
        }
        #expect(agreeing.load(ordering: .relaxed) == 8)
    }
}
