// The schemas of the inbox's and the notification settings' actions.
import { z } from "zod";
import { NOTIFICATION_DELIVERIES, type NotificationKind } from "@/lib/values";
import { pageNumber } from "./page";
import { text } from "./text";

/** The inbox's URL: which page of notifications, newest first. */
export const inboxParamsSchema = z.object({ page: pageNumber().default(1).catch(1) });

/** An IANA time zone this runtime knows ("Europe/Berlin"), as Intl names it. */
export const timeZone = text({ message: "timeZone is required" })
  .trim()
  .min(1, "timeZone is required")
  .max(64, "timeZone must be at most 64 characters")
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "timeZone must be a time zone such as Europe/Berlin or America/New_York" },
  );

export const markReadSchema = z.object({
  id: z.union([z.literal("all"), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)], {
    message: "id must be a notification's number or all",
  }),
});

const delivery = z.enum(NOTIFICATION_DELIVERIES, {
  message: `each choice must be one of ${NOTIFICATION_DELIVERIES.join(", ")}`,
});

export const notificationSettingsSchema = z.object({
  timeZone,
  preferences: z.object(
    {
      alert: delivery,
      assigned: delivery,
      follow_up: delivery,
      threshold: delivery,
      weekly: delivery,
    } satisfies Record<NotificationKind, typeof delivery>,
    { message: "preferences are required" },
  ),
});

export const adoptTimeZoneSchema = z.object({ timeZone });

export const sendTestSchema = z.discriminatedUnion(
  "channel",
  [
    z.object({ channel: z.literal("email") }),
    z.object({
      channel: z.literal("slack"),
      url: text({ message: "url is required" })
        .trim()
        .min(1, "url is required")
        .max(2000, "url must be at most 2000 characters"),
    }),
  ],
  { message: "channel must be email or slack" },
);
