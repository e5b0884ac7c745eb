import MiniSearch from "minisearch";

export interface SearchDocument {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  summary: string;
  text: string;
}

export interface SearchHit {
  slug: string;
  title: string;
  summary: string;
}

/** Full-text search over titles, aliases, tags and bodies; titles weigh most, prefixes and typos match. */
export function createSearch(documents: SearchDocument[]): (query: string) => SearchHit[] {
  const index = new MiniSearch<SearchDocument>({
    fields: ["title", "aliases", "tags", "text"],
    storeFields: ["title", "summary"],
    searchOptions: { boost: { title: 4, aliases: 3, tags: 2 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(documents);
  return (query) =>
    query.trim() === ""
      ? []
      : index.search(query).map((hit) => ({ slug: String(hit.id), title: String(hit.title), summary: String(hit.summary) }));
}
