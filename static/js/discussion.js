// The discussion's comment boxes (articles/includes/comment_form.html and the edit
// page): once she starts typing, a counter under the box says how many characters
// are left. Without JavaScript the server counts and says so if it is too long.
// Forms that htmx swaps in are covered too (the listener sits on the document).

const COUNTER = "comment-form__counter";
const numbers = new Intl.NumberFormat("en-GB");

function counterFor(box) {
    const id = `${box.id}_counter`;
    let counter = document.getElementById(id);
    if (!counter) {
        counter = document.createElement("p");
        counter.id = id;
        counter.className = COUNTER;
        box.insertAdjacentElement("afterend", counter);
    }
    return counter;
}

function update(box) {
    const left = Number(box.dataset.maxLength) - box.value.length;
    const counter = counterFor(box);
    counter.textContent =
        left >= 0
            ? `${numbers.format(left)} ${left === 1 ? "character" : "characters"} left`
            : `${numbers.format(-left)} too many characters`;
    counter.classList.toggle(`${COUNTER}--over`, left < 0);
    // Speak up near the limit only, not at every key.
    counter.setAttribute("aria-live", left < 200 ? "polite" : "off");
}

function start(root) {
    for (const box of root.querySelectorAll("textarea[data-max-length]")) {
        if (box.value) {
            update(box);
        }
    }
}

document.addEventListener("input", (event) => {
    if (event.target.matches("textarea[data-max-length]")) {
        update(event.target);
    }
});
document.addEventListener("htmx:afterSettle", (event) => start(event.target));
start(document);
