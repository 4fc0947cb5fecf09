// GET /api/notifications — the signed-in user's unread count, which the bell polls. Session only.
import { getDb } from "@/db/client";
import { unreadCount } from "@/db/queries/notifications";
import { withUser } from "@/lib/auth/route";

export const GET = withUser<unknown>("cs", async (_request, _context, user) =>
  Response.json({ unread: await unreadCount(await getDb(), user.id) }, { headers: { "cache-control": "no-store" } }),
);
