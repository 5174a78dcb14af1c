/** An `agents` row: a Tiny Talk bot and its access rules. */
export interface Agent {
  id: string;
  tenant_id: string;
  name: string;
  visibility: 'public' | 'private';
  allowed_origins: string[];
  rate_limit: number;
  rate_window_seconds: number;
  default_model: string;
  allowed_models: string[];
  stream_default: boolean;
}
