import CGMP

extension Integer {
    /// The factorisation of a positive integer by trial division with the primes below `limit`:
    /// prime powers found, and the cofactor that no tried prime divides (1 when fully factored).
    /// A cofactor below `limit²` is itself prime, so for values below `limit²` the result is complete.
    ///
    /// The work is bounded whatever the size: each prime costs one pass over the number (all
    /// its powers are removed at once), and a number of many words is tried against fewer
    /// primes (`Limits.trialDivisionWork`), leaving a larger cofactor.
    public func trialFactor(limit: Int = Limits.default.trialDivisionBound) -> (factors: [(prime: Integer, exponent: Int)], cofactor: Integer) {
        precondition(signum > 0, "trialFactor needs a positive integer")
        let primes = limit == Limits.default.trialDivisionBound ? Integer.smallPrimes : Integer.primes(below: limit)
        var n = self
        var out: [(prime: Integer, exponent: Int)] = []
        let words = max(1, bitWidth / UInt.bitWidth)
        let budget = max(1, Limits.default.trialDivisionWork / words)
        for (i, p) in primes.enumerated() {
            if let v = n.intValue {
                if v < p * p { break }
                var k = 0
                var m = v
                while m % p == 0 { m /= p; k += 1 }
                if k > 0 { out.append((Integer(p), k)); n = Integer(m) }
                continue
            }
            if i >= budget { break }
            guard let (rest, k) = n.removingFactor(p) else { continue }
            out.append((Integer(p), k))
            n = rest
        }
        if let v = n.intValue, v > 1, v < limit * limit {
            out.append((n, 1))
            return (out, .one)
        }
        return (out, n)
    }

    /// `self / p^k` with k ≥ 1 as large as possible, and k; nil when `p` does not divide `self`.
    private func removingFactor(_ p: Int) -> (Integer, Int)? {
        let divides = withMPZ { __gmpz_divisible_ui_p($0, UInt(p)) } != 0
        guard divides else { return nil }
        let r = GMPInteger(), prime = GMPInteger(p)
        let k = withMPZ { __gmpz_remove(r.pointer, $0, prime.pointer) }
        return (Integer(gmp: r), Int(k))
    }

    /// The primes below the default trial-division bound, sieved once.
    static let smallPrimes = primes(below: Limits.default.trialDivisionBound)

    /// The primes below `n`, by the sieve of Eratosthenes.
    static func primes(below n: Int) -> [Int] {
        guard n > 2 else { return [] }
        var composite = [Bool](repeating: false, count: n)
        var out: [Int] = []
        for i in 2..<n where !composite[i] {
            out.append(i)
            var j = i * i
            while j < n { composite[j] = true; j += i }
        }
        return out
    }
}
