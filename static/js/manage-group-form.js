// The group form (list a group, edit a group): show only the fields that apply to
// the answers given so far, for example the meeting link only for online and hybrid
// groups. Without JavaScript every field shows and the server ignores what does not
// apply. A field with an error is never hidden.

const form = document.querySelector("[data-group-form]");

function checkedValue(name) {
    const checked = form.querySelector(`input[name="${name}"]:checked`);
    return checked ? checked.value : "";
}

function update() {
    for (const wrapper of form.querySelectorAll("[data-shown-for]")) {
        const values = wrapper.dataset.values.split(" ");
        const applies = values.includes(checkedValue(wrapper.dataset.shownFor));
        const hasError = wrapper.querySelector(".field--error") !== null;
        wrapper.hidden = !applies && !hasError;
    }
}

if (form) {
    update();
    form.addEventListener("change", (event) => {
        if (event.target.type === "radio") {
            update();
        }
    });
    // After a failed submit, take her to the list of what needs fixing.
    const summary = form.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
}
