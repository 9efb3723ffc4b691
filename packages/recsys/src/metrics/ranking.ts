// Ranking metrics of sequential recommendation, as Caser/CosRec compute them: every item the user has
// not interacted with is a candidate; a held-out item the user already had in their history cannot be
// recommended and counts as a miss. MAP is the mean over users of average precision over the full
// ranking of all their held-out items.
import { InvalidArgumentError } from '@scnn/core';

export const RANKING_CUTOFFS = [1, 5, 10] as const;

export interface RankingMetrics {
  /** Mean average precision over the full ranking. */
  map: number;
  'precision@1': number;
  'precision@5': number;
  'precision@10': number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  /** Share of users with at least one held-out item in their top 10. */
  'hr@10': number;
  /** NDCG@10 with binary relevance over all held-out items (ideal DCG over min(|targets|, 10)). */
  'ndcg@10': number;
  /** Users evaluated. */
  users: number;
}

export const RANKING_METRIC_NAMES = ['map', 'precision@1', 'precision@5', 'precision@10', 'recall@1', 'recall@5', 'recall@10', 'hr@10', 'ndcg@10'] as const;

/**
 * 1-based ranks of `targets` among the candidates: items 1..n-1 of `scores` (index 0 is padding)
 * that are not excluded (a set of items, or a 0/1 mask over items). An excluded target gets rank
 * Infinity. Ties rank optimistically.
 */
export function rankTargets(scores: ArrayLike<number>, targets: ArrayLike<number>, excludedItems: ReadonlySet<number> | Uint8Array): number[] {
  const n = scores.length;
  // a mask makes the per-item test in the loop below an array read (it runs for every catalogue item)
  const excluded = excludedItems instanceof Uint8Array ? excludedItems : maskOf(excludedItems, n);
  const reachable: { target: number; score: number }[] = [];
  const ranks = new Array<number>(targets.length).fill(Infinity);
  const positionOf = new Map<number, number[]>();
  for (let t = 0; t < targets.length; t++) {
    const item = targets[t]!;
    if (!Number.isInteger(item) || item < 1 || item >= n) throw new InvalidArgumentError('targets', item, `item indices in 1..${n - 1}`);
    if (excluded[item]) continue;
    reachable.push({ target: item, score: scores[item]! });
    const at = positionOf.get(item);
    if (at) at.push(t);
    else positionOf.set(item, [t]);
  }
  if (reachable.length === 0) return ranks;
  reachable.sort((a, b) => a.score - b.score);
  const sorted = Float64Array.from(reachable, (r) => r.score);
  // above[k]: candidates whose score beats exactly the k lowest target scores
  const above = new Int32Array(sorted.length + 1);
  const lowest = sorted[0]!;
  for (let item = 1; item < n; item++) {
    const s = scores[item]!;
    if (s <= lowest || excluded[item]) continue; // beats no target
    let lo = 1;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    above[lo]++;
  }
  // greater than sorted[k] = candidates that beat more than k target scores
  let beating = 0;
  for (let k = sorted.length - 1; k >= 0; k--) {
    beating += above[k + 1]!;
    for (const t of positionOf.get(reachable[k]!.target) ?? []) ranks[t] = beating + 1;
  }
  return ranks;
}

function maskOf(items: ReadonlySet<number>, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (const item of items) if (item >= 0 && item < n) mask[item] = 1;
  return mask;
}

/** One user's metrics from the ranks of their held-out items (distinct items). */
export function userRankingMetrics(ranks: readonly number[]): Omit<RankingMetrics, 'users'> {
  const count = ranks.length;
  if (count === 0) throw new InvalidArgumentError('ranks', ranks, 'at least one held-out item');
  const sorted = [...ranks].sort((a, b) => a - b);
  let ap = 0;
  sorted.forEach((rank, k) => {
    if (Number.isFinite(rank)) ap += (k + 1) / rank;
  });
  const hits = (cutoff: number) => sorted.filter((r) => r <= cutoff).length;
  let dcg = 0;
  for (const rank of sorted) if (rank <= 10) dcg += 1 / Math.log2(rank + 1);
  let ideal = 0;
  for (let i = 1; i <= Math.min(count, 10); i++) ideal += 1 / Math.log2(i + 1);
  return {
    map: ap / count,
    'precision@1': hits(1) / 1,
    'precision@5': hits(5) / 5,
    'precision@10': hits(10) / 10,
    'recall@1': hits(1) / count,
    'recall@5': hits(5) / count,
    'recall@10': hits(10) / count,
    'hr@10': hits(10) > 0 ? 1 : 0,
    'ndcg@10': dcg / ideal,
  };
}

/** Running mean of per-user metrics. */
export class RankingAccumulator {
  private sums = Object.fromEntries(RANKING_METRIC_NAMES.map((name) => [name, 0])) as Record<(typeof RANKING_METRIC_NAMES)[number], number>;
  private users = 0;

  add(metrics: Omit<RankingMetrics, 'users'>): void {
    for (const name of RANKING_METRIC_NAMES) this.sums[name] += metrics[name];
    this.users++;
  }

  result(): RankingMetrics {
    const mean = (name: (typeof RANKING_METRIC_NAMES)[number]) => (this.users === 0 ? 0 : this.sums[name] / this.users);
    return { ...(Object.fromEntries(RANKING_METRIC_NAMES.map((name) => [name, mean(name)])) as Omit<RankingMetrics, 'users'>), users: this.users };
  }
}
