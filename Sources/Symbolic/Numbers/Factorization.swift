extension Integer {
    /// The factorisation of a positive integer by trial division with primes below `limit`:
    /// prime powers found, and the cofactor that no such prime divides (1 when fully factored).
    /// A cofactor below `limit²` is itself prime, so for values below `limit²` the result is complete.
    public func trialFactor(limit: Int = 1 << 16) -> (factors: [(prime: Integer, exponent: Int)], cofactor: Integer) {
        precondition(signum > 0, "trialFactor needs a positive integer")
        var n = self
        var out: [(prime: Integer, exponent: Int)] = []
        var p = 2
        while p < limit {
            let pi = Integer(p)
            if let v = n.intValue, v < p * p { break }
            var k = 0
            while true {
                let (q, r) = n.quotientAndRemainder(dividingBy: pi)
                if !r.isZero { break }
                n = q; k += 1
            }
            if k > 0 { out.append((pi, k)) }
            p += p == 2 ? 1 : 2
        }
        if let v = n.intValue, v > 1, v < limit * limit || p * p > v {
            out.append((n, 1))
            return (out, .one)
        }
        return (out, n)
    }
}
