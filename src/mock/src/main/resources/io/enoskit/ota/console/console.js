// The mock's console: reads the admin API once a second and draws what it finds. Every value is set as text (never
// as HTML): request bodies come from the client under test. Changes (clock, faults) are same-origin JSON POSTs, which
// the admin API's cross-site filter lets through.
"use strict";

const ADMIN = "/__admin/ota";
const POLL_MILLIS = 1000;
let lastExchange = 0;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? "")));
  return node;
}

async function admin(method, path, body) {
  const init = { method, headers: { "Accept": "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(ADMIN + path, init);
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer.error || method + " " + path + ": HTTP " + response.status);
  }
  return answer;
}

function time(millis) {
  return millis ? new Date(millis).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "";
}

function i18n(value) {
  return value && typeof value === "object" ? value.defaultValue || "" : value || "";
}

function showStatus(text, error) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(error));
}

async function drawClock() {
  const clock = await admin("GET", "/clock");
  document.getElementById("clock-now").textContent = time(clock.now);
  document.getElementById("clock-advanced").textContent = "(moved on " + clock.advancedSeconds + " s by hand)";
  const badge = document.getElementById("clock-frozen");
  badge.textContent = clock.frozen ? "frozen: only Advance moves it" : "running with real time";
  badge.classList.toggle("frozen", clock.frozen);
  const freeze = document.getElementById("freeze");
  freeze.textContent = clock.frozen ? "Let it run" : "Freeze";
  freeze.dataset.frozen = String(clock.frozen);
}

async function drawFaults() {
  const { faults } = await admin("GET", "/faults");
  const list = document.getElementById("faults");
  list.replaceChildren(...(faults.length === 0 ? [el("li", { class: "empty" }, "none: every call is answered")]
    : faults.map(rule => el("li", {}, el("code", {}, rule.operation), " → ",
      rule.fault ? "fault " + rule.fault.toLowerCase() : "delay " + rule.delayMs + " ms",
      rule.calls ? " (next " + rule.calls + " calls)" : "", rule.share < 1 ? " on " + rule.share * 100 + "% of calls" : ""))));
}

function taskTable(tasks) {
  if (tasks.length === 0) {
    return el("p", { class: "tasks empty" }, "no device tasks yet (the job has not started)");
  }
  return el("table", { class: "tasks" },
    el("thead", {}, el("tr", {}, ["Device", "Status", "Progress", "From → to", "Note"].map(h => el("th", {}, h)))),
    el("tbody", {}, tasks.map(task => el("tr", { "data-device": task.deviceKey },
      el("td", { class: "mono" }, task.deviceKey),
      el("td", { class: "task-status status-" + task.status }, task.status),
      el("td", {}, el("progress", { max: "100", value: String(task.progress ?? 0) }),
        el("span", { class: "percent" }, (task.progress ?? 0) + "%")),
      el("td", {}, (task.fromVersion || "?") + " → " + (task.toVersion || "?")),
      el("td", {}, task.desc || "")))));
}

async function drawOrg(orgId) {
  const [{ firmwares }, { jobs }] = await Promise.all([
    admin("GET", "/orgs/" + encodeURIComponent(orgId) + "/firmwares"),
    admin("GET", "/orgs/" + encodeURIComponent(orgId) + "/jobs")]);
  const tasks = await Promise.all(jobs.map(job =>
    admin("GET", "/orgs/" + encodeURIComponent(orgId) + "/jobs/" + encodeURIComponent(job.jobId) + "/tasks")));
  return el("div", { class: "org", "data-org": orgId },
    el("h3", {}, "Organization ", el("code", {}, orgId)),
    el("table", { class: "firmwares" },
      el("thead", {}, el("tr", {}, ["Firmware", "Name", "Version", "Verification"].map(h => el("th", {}, h)))),
      el("tbody", {}, firmwares.map(firmware => el("tr", {},
        el("td", { class: "mono" }, firmware.firmwareId), el("td", {}, i18n(firmware.name)),
        el("td", {}, firmware.version),
        el("td", {}, !firmware.enableVerification ? "not needed"
          : firmware.isVerified ? "verified" : "needed, not verified yet"))))),
    jobs.length === 0 ? el("p", { class: "empty" }, "no jobs")
      : jobs.map((job, i) => el("div", { class: "job", "data-job": job.jobId },
        el("p", {}, el("strong", {}, i18n(job.name) || "(no name)"), " ", el("code", {}, job.jobId), " · ",
          job.type, " job on ", el("code", {}, job.firmwareId), " · status ",
          el("span", { class: "job-status status-" + job.status }, job.status || "?"),
          " · created " + time(job.createTime)),
        taskTable(tasks[i].tasks))));
}

async function drawOrgs() {
  const { orgs } = await admin("GET", "/orgs");
  const drawn = await Promise.all(orgs.map(drawOrg));
  document.getElementById("orgs").replaceChildren(...(drawn.length ? drawn : [el("p", { class: "empty" }, "no state")]));
}

function exchangeRow(exchange) {
  const invalid = exchange.code === 99400;
  const failed = exchange.code !== null && exchange.code !== 0 || exchange.status >= 400 || exchange.fault;
  const details = el("details", {}, el("summary", {}, "request and answer"),
    el("pre", {}, exchange.requestBody || "(no body)"), el("pre", {}, exchange.responseBody || "(no body)"));
  return el("tr", { class: invalid ? "invalid" : failed ? "error" : "ok", "data-seq": String(exchange.seq) },
    el("td", { class: "mono" }, time(exchange.time)),
    el("td", {}, el("code", {}, exchange.method + " " + exchange.url), details),
    el("td", {}, exchange.fault ? exchange.fault.toLowerCase() : exchange.status),
    el("td", { class: "code" }, exchange.code ?? "–"),
    el("td", {}, invalid ? exchange.fields.map(field => el("span", { class: "field" }, field)) : [],
      exchange.msg ?? ""));
}

async function drawExchanges() {
  const { exchanges } = await admin("GET", "/exchanges?after=" + lastExchange);
  const body = document.querySelector("#exchanges tbody");
  exchanges.forEach(exchange => {
    body.prepend(exchangeRow(exchange));
    lastExchange = Math.max(lastExchange, exchange.seq);
  });
  while (body.rows.length > 200) {
    body.deleteRow(body.rows.length - 1);
  }
}

async function refresh() {
  try {
    await Promise.all([drawClock(), drawFaults(), drawOrgs(), drawExchanges()]);
    showStatus("updated " + new Date().toLocaleTimeString() + ", every " + POLL_MILLIS / 1000 + " s");
  } catch (failed) {
    showStatus("cannot read the admin API: " + failed.message, true);
  }
}

async function act(change) {
  try {
    await change();
    await refresh();
  } catch (failed) {
    showStatus(failed.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("advance-form").addEventListener("submit", event => {
    event.preventDefault();
    const seconds = Number(document.getElementById("advance-seconds").value);
    act(() => admin("POST", "/clock", { advanceSeconds: seconds }));
  });
  document.getElementById("freeze").addEventListener("click", event =>
    act(() => admin("POST", "/clock", { frozen: event.target.dataset.frozen !== "true" })));
  document.getElementById("fault-form").addEventListener("submit", event => {
    event.preventDefault();
    act(() => admin("POST", "/faults", {
      operation: document.getElementById("fault-operation").value.trim(),
      fault: document.getElementById("fault-kind").value }));
  });
  document.getElementById("faults-off").addEventListener("click", () => act(() => admin("DELETE", "/faults")));
  refresh();
  setInterval(refresh, POLL_MILLIS);
});
