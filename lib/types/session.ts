// Who is acting: the signed-in user as pages, actions and queries see them, and the actor an audit entry names.
import type { ActorType, Role } from "@/lib/values";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** A user behind a live session: with their token's session version and the one-time flag. */
export type SignedInUser = SessionUser & {
  /** Signed in with a one-time password: only changing it (and signing out) is allowed. */
  mustChangePassword: boolean;
  sessionVersion: number;
};

/** Who made a change, as the audit log records it. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}
