// Memos that live as long as the process. Under `serve --watch` one process builds for hours,
// and a memo keyed by dates, languages or names would keep every key any edit ever made.
// Past `max` entries it starts over: the next rebuild pays once more for the keys it asks
// again, and memory stays bounded. (Not an LRU: these memos are cheap to refill.)
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #max: number;

  constructor(max: number) {
    super();
    this.#max = max;
  }

  override set(key: K, value: V): this {
    if (this.size >= this.#max && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
