// "Use my location" on /groups/: asks the browser where she is, puts rounded
// coordinates in the form's hidden lat/lon fields and submits the search.
// They only ever travel in this one query string; nothing stores them.
// Without JavaScript the button stays hidden and she types a town instead.

const form = document.querySelector("[data-group-search]");

// Two decimals is about a kilometre: enough to find groups nearby, no more.
const round = (degrees) => degrees.toFixed(2);

function setUp(form) {
    const button = form.querySelector("[data-use-location]");
    const status = form.querySelector("[data-location-status]");
    const { lat, lon, near } = form.elements;
    if (!button || !lat || !lon || !("geolocation" in navigator)) {
        return;
    }

    // A typed place wins; clear coordinates left over from an earlier search.
    near?.addEventListener("input", () => {
        lat.value = "";
        lon.value = "";
    });

    function found(position) {
        lat.value = round(position.coords.latitude);
        lon.value = round(position.coords.longitude);
        if (near) {
            near.value = "";
        }
        status.textContent = "Searching near you…";
        if (form.requestSubmit) {
            form.requestSubmit();
        } else {
            form.submit();
        }
        // Still here if the browser found something to correct in the form first.
        button.disabled = false;
    }

    function failed(error) {
        button.disabled = false;
        status.textContent =
            error.code === error.PERMISSION_DENIED
                ? "Your browser didn't share your location. Type a town or city instead."
                : "We couldn't find your location. Type a town or city instead.";
    }

    button.addEventListener("click", () => {
        button.disabled = true;
        status.textContent = "Finding your location…";
        navigator.geolocation.getCurrentPosition(found, failed, {
            enableHighAccuracy: false,
            maximumAge: 10 * 60 * 1000,
            timeout: 15 * 1000,
        });
    });
    button.hidden = false;
}

if (form) {
    setUp(form);
}
