// The cancel-flow page's URL state: `flow` (an id, or `new`) opens the editor, `version` one old
// version read-only. The server reads the same keys with cancelFlowPageSchema.
import { parseAsInteger, parseAsString } from "nuqs";

export const cancelFlowParams = {
  flow: parseAsString,
  version: parseAsInteger,
};

export const editorHref = (flowId: string, version?: number) =>
  `/admin/cancel-flow?flow=${encodeURIComponent(flowId)}${version ? `&version=${version}` : ""}`;
