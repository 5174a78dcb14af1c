/** A knowledge-base page a reply drew on, as Tiny Talk's `payload.citedResources` lists it. */
export interface CitedResource {
  id: string;
  url: string;
  title: string;
  type: 'url';
}
