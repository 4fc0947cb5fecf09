"use client";
// The "Then" of an alert rule: assign (no one, the owner, in turn, one user), the follow-up, who is
// told, and the Slack URL.
import type { AlertRuleInput } from "@/lib/types/alerts";
import { ROLES, ROLE_LABEL } from "@/lib/values";

export interface RuleUser {
  id: string;
  name: string;
}

type Actions = AlertRuleInput["actions"];

const input = "mt-1 rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function RuleActionsFields({
  actions,
  users,
  onChange: setActions,
}: {
  actions: Actions;
  users: RuleUser[];
  onChange: (change: Partial<Actions>) => void;
}) {
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const rrUsers = actions.assign.mode === "round_robin" ? actions.assign.userIds : [];
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Then</legend>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span>Assign to</span>
        {(
          [
            ["none", "No one"],
            ["owner", "The account owner"],
            ["round_robin", "In turn"],
            ["user", "One user"],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode} className="inline-flex items-center gap-1.5">
            <input
              id={mode === "none" ? "rule-assign" : undefined}
              type="radio"
              name="assign"
              checked={actions.assign.mode === mode}
              onChange={() =>
                setActions({
                  assign:
                    mode === "round_robin"
                      ? { mode, userIds: users.slice(0, 2).map((u) => u.id) }
                      : mode === "user"
                        ? { mode, userId: users[0]?.id ?? "" }
                        : { mode },
                })
              }
            />
            {label}
          </label>
        ))}
      </div>
      {actions.assign.mode === "round_robin" && (
        <div className="flex flex-wrap gap-3 text-sm" role="group" aria-label="Users who take turns">
          {users.map((u) => (
            <label key={u.id} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={rrUsers.includes(u.id)}
                onChange={() => setActions({ assign: { mode: "round_robin", userIds: toggle(rrUsers, u.id) } })}
              />
              {u.name}
            </label>
          ))}
        </div>
      )}
      {actions.assign.mode === "user" && (
        <select
          aria-label="Assign to user"
          value={actions.assign.userId}
          onChange={(e) => setActions({ assign: { mode: "user", userId: e.target.value } })}
          className={input}
        >
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
      <label className="block text-sm">
        Follow up in (days, empty: leave as it is)
        <input
          id="rule-follow-up"
          type="number"
          min={0}
          max={90}
          step={1}
          value={actions.followUpDays ?? ""}
          onChange={(e) => setActions({ followUpDays: e.target.value === "" ? null : Number(e.target.value) })}
          className={`${input} ml-2 w-20`}
        />
      </label>
      <div className="flex flex-wrap items-center gap-4 text-sm" role="group" aria-label="Notify">
        <span>Notify</span>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={actions.notify.assignee}
            onChange={(e) => setActions({ notify: { ...actions.notify, assignee: e.target.checked } })}
          />
          The assignee
        </label>
        {ROLES.map((r) => (
          <label key={r} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={actions.notify.roles.includes(r)}
              onChange={() =>
                setActions({
                  notify: {
                    ...actions.notify,
                    roles: ROLES.filter((x) => toggle(actions.notify.roles, r).includes(x)),
                  },
                })
              }
            />
            Every {ROLE_LABEL[r].toLowerCase()}
          </label>
        ))}
        {users.map((u) => (
          <label key={u.id} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={actions.notify.userIds.includes(u.id)}
              onChange={() =>
                setActions({ notify: { ...actions.notify, userIds: toggle(actions.notify.userIds, u.id) } })
              }
            />
            {u.name}
          </label>
        ))}
      </div>
      <label className="block text-sm">
        Post to a Slack incoming-webhook URL (optional)
        <input
          id="rule-slack-url"
          type="url"
          value={actions.slackUrl ?? ""}
          onChange={(e) => setActions({ slackUrl: e.target.value || null })}
          placeholder="https://hooks.slack.com/services/…"
          className={`${input} block w-full max-w-xl`}
        />
      </label>
    </fieldset>
  );
}
