// "Exit this page", after the GOV.UK Design System component.
// Without JavaScript the links go to /exit/, which signs out and redirects. With it:
// the page is hidden under a plain overlay at once, and location.replace() means the
// Back button does not bring this page back. Pressing Shift 3 times does the same.

const PRESSES_NEEDED = 3;
const PRESS_WINDOW_MS = 5000;

const container = document.querySelector("[data-exit-this-page]");
const overlay = document.querySelector("[data-exit-overlay]");
const status = document.querySelector("[data-exit-indicator-status]");
const indicator = document.querySelector("[data-exit-indicator]");
const links = document.querySelectorAll("[data-exit-link]");
const exitUrl = links.length ? links[0].getAttribute("href") : "/exit/";

let presses = 0;
let timer = null;

function exitNow(event) {
    if (event) {
        event.preventDefault();
    }
    if (overlay) {
        overlay.hidden = false;
    }
    document.title = "Exiting page";
    document.body.setAttribute("aria-busy", "true");
    if (status) {
        status.textContent = "Loading.";
    }
    window.location.replace(exitUrl);
}

function showPresses() {
    if (!indicator) {
        return;
    }
    indicator.hidden = presses === 0;
    indicator.querySelectorAll(".exit-this-page__light").forEach((light, index) => {
        light.classList.toggle("exit-this-page__light--on", index < presses);
    });
}

function reset(message) {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    showPresses();
    if (status && message) {
        status.textContent = message;
    }
}

function onKeyDown(event) {
    // Only a lone Shift counts: Shift+letter while typing is not a request to leave.
    if (event.key !== "Shift") {
        if (presses > 0) {
            reset("");
        }
        return;
    }
    if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) {
        return;
    }
    presses += 1;
    window.clearTimeout(timer);
    showPresses();
    if (presses >= PRESSES_NEEDED) {
        exitNow();
        return;
    }
    const left = PRESSES_NEEDED - presses;
    if (status) {
        status.textContent = `Shift, press ${left} more ${left === 1 ? "time" : "times"} to exit.`;
    }
    timer = window.setTimeout(() => reset("Exit this page expired."), PRESS_WINDOW_MS);
}

links.forEach((link) => link.addEventListener("click", exitNow));
document.addEventListener("keydown", onKeyDown);

// If she comes back through the browser's cache, don't leave the overlay up.
window.addEventListener("pageshow", (event) => {
    if (event.persisted && overlay) {
        overlay.hidden = true;
        document.body.removeAttribute("aria-busy");
        reset("");
    }
});

if (container) {
    container.dataset.enhanced = "true";
}
