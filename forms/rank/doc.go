// Package rank is the mathematics of the "Compare and choose" step: the candidates ×
// indicators matrix, the composite weighted-sum score and its robustness (SMAA-2 rank
// acceptability indices, central weights, exact weight stability intervals).
//
// It imports the standard library only and does no I/O. Every rule it applies is
// written down here, so that the screen and the exported report can cite it.
//
// # Input
//
// A Problem holds m alternatives (candidate cities, by id; optional display names)
// and n criteria. One criterion is one number: an indicator that has two years is
// passed as two criteria (e.g. "规上工业增加值增速 2020" and "… 2021"); a pair such as
// 初赛/决赛胜出数量 is passed as two criteria or as its first number, the caller decides.
// Values[i][j] is the value of alternative i on criterion j; NaN means missing
// (never zero). ±Inf is rejected. Criterion.Reference is the province-wide value,
// NaN when there is none (note: 0 is a real province value, not "none").
//
// # Ranks per indicator (RankIndicators)
//
//   - Direction-aware: rank 1 is the highest value when HigherIsBetter, the lowest
//     otherwise.
//   - Ties share the best rank ("competition ranking": 1, 1, 3). Values are compared
//     exactly (they are typed decimals, parsed the same way).
//   - A missing value gets no rank (Rank 0) and is flagged in Missing.
//   - Best/worst are the alternatives holding the best/worst observed value; they are
//     marked only when the indicator has at least two distinct observed values (with
//     one value or all values equal nothing distinguishes the candidates, and a
//     Chinese note says so).
//   - Position against the province value: above / equal / below (raw comparison,
//     equal within 1e-9·max(1,|reference|)); Unknown when the value or the province
//     value is missing. Position.Favourable turns it into better/worse using the
//     direction of the criterion.
//
// # Composite score (WeightedSum)
//
//   - Weights: Criterion.Weight must be finite and ≥ 0. If every weight is 0 (unset)
//     the weights are equal (1/n each); otherwise they are divided by their sum, so
//     they always add up to 1. A weight of 0 beside positive ones switches that
//     criterion off.
//   - Normalization: min–max per criterion over the observed (non-missing) values of
//     the candidates in the Problem, direction-aware, onto [0, 1]:
//     higher-is-better (x − min)/(max − min), lower-is-better (max − x)/(max − min).
//     The best observed value scores 1, the worst 0. Ranges reports min and max.
//   - Constant criterion: when a criterion has fewer than two distinct observed values
//     (all equal, a single observed value, or none at all), min–max is undefined; every
//     candidate, including those missing it, gets 0.5 on it. It therefore adds the same
//     amount to every score and changes no rank, which is the honest outcome: it does
//     not discriminate. A Chinese note is added. (Dropping it instead would silently
//     change the weights of the others.)
//   - Missing values: a missing value is scored as the worst observed value of that
//     criterion, i.e. normalized 0 on a non-constant criterion, and it is flagged
//     (Missing, MissingCount and one Chinese note per cell). Why this rule and not
//     redistributing the criterion's weight over the candidate's other criteria:
//     (1) a candidate can never gain from a figure it did not provide: it ties at best
//     with the candidate that reported the worst figure; redistribution rewards a city
//     for omitting a weak figure; (2) every candidate is scored with the same weights,
//     so scores stay comparable and the score stays linear in the weights, which the
//     SMAA sampling and the exact stability intervals rely on; (3) it does not invent a
//     value outside the observed range, which would need an arbitrary penalty.
//   - Score_i = Σ_j w_j · normalized_ij ∈ [0, 1]. Rank: competition ranking on the
//     score, scores within 1e-9 of the best score of their group tie.
//   - Degenerate data gives a defined result and a Chinese note: one candidate (score
//     0.5 on every criterion, rank 1), all values equal, all values missing (every
//     criterion constant: all scores 0.5, all rank 1).
//
// # SMAA-2 (SMAA)
//
//   - The same normalized matrix as WeightedSum (same missing and constant rules).
//   - Weights are sampled uniformly from the simplex {w ≥ 0, Σw = 1} by normalized
//     exponential spacings (w_j = E_j/ΣE, E_j ~ Exp(1), i.e. a flat Dirichlet). The
//     criteria's own Weight values are not used: SMAA asks what happens for all
//     weights the officer would accept.
//   - With UseBounds the officer's bounds MinWeight ≤ w_j ≤ MaxWeight are applied
//     (MaxWeight 0 means "no upper bound", i.e. 1; to exclude a criterion leave it
//     out of the Problem). Infeasible bounds (Σmin > 1, Σmax < 1, min > max, outside
//     [0,1]) are an error with a Chinese message. Criteria with min = max are fixed at
//     that weight. The others are sampled as w = min + (1 − Σmin)·u with u uniform on
//     their simplex, which is exactly uniform on the lower-bounded simplex, and samples
//     breaking an upper bound are rejected; the result is uniform on the bounded
//     polytope. Rejection is capped at 200 draws per requested sample; when the cap is
//     hit the bounds are too tight for rejection and an error says so.
//   - Ranks per sample: rank of i = 1 + number of alternatives with a strictly higher
//     score (no sorting). Exact ties (they occur only for identical normalized rows,
//     e.g. all-equal data) are split: a group of k tied alternatives occupying ranks
//     r … r+k−1 adds 1/k to each of those ranks for each member, and 1/k of the weight
//     vector to the central weight of each member tied for first. Rows and columns of
//     the acceptability matrix therefore each sum to 1.
//   - Acceptability[i][r] is the share of samples in which alternative i takes rank
//     r+1. CentralWeights[i] is the mean weight vector of the samples that rank i
//     first (a NaN row when i is never first). Confidence[i] is the SMAA-2 confidence
//     factor; since the criteria values here are exact (not stochastic), it reduces to
//     1 when i is first under its own central weights (1/k when tied with k−1 others),
//     0 when it is not, NaN when i has no central weight.
//   - Sampling is seeded and reproducible: math/rand/v2 PCG with (Seed, 0x5475696a69616e),
//     the same Problem, options and seed give bit-identical results. StdErr is the
//     largest Monte Carlo standard error of the acceptability indices,
//     max sqrt(a(1−a)/N) (never above 0.5/√N).
//
// # Weight stability intervals (StabilityIntervals)
//
// For the weighted sum with the current weights w, the leader is the alternative
// ranked first by WeightedSum (the lowest index among tied leaders). For each
// criterion j its weight is moved to t ∈ [0, 1] and the others are rescaled
// proportionally, w_k(t) = w_k·(1 − t)/(1 − w_j); when w_j = 1 the others share 1 − t
// equally. Every score is then linear in t, S_i(t) = t·a_i + (1 − t)·b_i, and the
// exact interval [Lo, Hi] ∋ w_j of t for which the leader still scores at least as
// high as every other alternative is the intersection of half-lines, solved in closed
// form. LoRival/HiRival name the alternative that draws level at Lo/Hi (−1 when the
// bound is 0 or 1 and nobody catches up). With one criterion the interval is [1, 1].
package rank
