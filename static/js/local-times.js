// Meeting times are written in the group's time zone. When her browser is in
// another zone, add the same moment in hers after each one: "(8:00 pm your time)",
// with the day too when it falls on another day there. Without JavaScript, in the
// group's own zone, or in a zone whose clocks read the same (London and UTC in
// winter), the page stays as the server wrote it.

const LOCALE = "en-GB";

function viewerZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
        return "";
    }
}

function wallClock(moment, timeZone) {
    return new Intl.DateTimeFormat(LOCALE, {
        timeZone,
        dateStyle: "short",
        timeStyle: "short",
    }).format(moment);
}

function dayIn(moment, timeZone) {
    return new Intl.DateTimeFormat(LOCALE, {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
    }).format(moment);
}

// "8:00 pm", or "Wed 4 March, 3:00 am" when her day is not the group's.
function yourTime(moment, groupZone, zone) {
    const clock = new Intl.DateTimeFormat(LOCALE, {
        timeZone: zone,
        hour: "numeric",
        minute: "2-digit",
        hour12: true,
    })
        .format(moment)
        .replace(/\s*([ap])\.?m\.?$/i, (_, half) => ` ${half.toLowerCase()}m`);
    if (dayIn(moment, groupZone) === dayIn(moment, zone)) {
        return clock;
    }
    const day = new Intl.DateTimeFormat(LOCALE, {
        timeZone: zone,
        weekday: "short",
        day: "numeric",
        month: "long",
    }).format(moment);
    return `${day.replace(",", "")}, ${clock}`;
}

function enhance(root) {
    const zone = viewerZone();
    if (!zone) {
        return;
    }
    for (const time of root.querySelectorAll("time[data-local-time]")) {
        const box = time.closest("[data-local-time-box]") || time.parentElement;
        const groupZone = time.dataset.zone;
        const moment = new Date(time.getAttribute("datetime"));
        const done = box.querySelector(".local-time");
        if (done || !groupZone || groupZone === zone || Number.isNaN(moment.getTime())) {
            continue;
        }
        let text;
        try {
            if (wallClock(moment, groupZone) === wallClock(moment, zone)) {
                continue; // Her clock reads the same: nothing to add.
            }
            text = yourTime(moment, groupZone, zone);
        } catch {
            continue; // A zone this browser doesn't know: leave the group's time.
        }
        const yours = document.createElement("span");
        yours.className = "local-time";
        yours.textContent = ` (${text} your time)`;
        box.append(yours);
    }
}

enhance(document);
// Meetings htmx swaps in after an answer.
document.addEventListener("htmx:load", (event) => enhance(event.target));
