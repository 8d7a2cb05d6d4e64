/*
 * The serial-port picker of this package's edit dialogs (smartcom-config and iec62056-read): a text input for
 * a device path and a search button beside it. The button asks the runtime for its serial ports
 * (GET smartcom-config/serialports) and offers their paths in an autocomplete under the input.
 *
 * Node-RED serves this file from the package's resources/ folder at
 * resources/@meterflow/node-red-smartcom/serial-port-picker.js; each node's .html loads it with a relative
 * <script src> (so it works under any httpAdminRoot), and the editor runs a node's .html only once the file
 * has loaded. Both .html files load it, so it may run twice: it only (re)defines the one function.
 *
 * Plain ES5 and jQuery, like the rest of the editor code: it runs in the browser as it is, with no build step.
 */
(function (global) {
    'use strict';

    /** Relative, like every editor call: resolved against the editor's own address. */
    var SERIAL_PORTS_URL = 'smartcom-config/serialports';

    /** The button shows a spinner and is disabled while the list is on its way. */
    function setBusy(button, busy) {
        button.find('i').toggleClass('fa-search', !busy).toggleClass('spinner', busy);
        button.toggleClass('disabled', busy);
    }

    /** Opens the autocomplete with every path at once; it is removed again when it closes, so typing stays plain. */
    function offer(input, paths) {
        input.autocomplete({
            source: paths,
            minLength: 0,
            close: function () { input.autocomplete('destroy'); }
        }).autocomplete('search', '');
    }

    /** The runtime's own reason when it sent one (a 500 names the operating system's error), else the HTTP status text. */
    function failureReason(xhr) {
        return (xhr.responseJSON && xhr.responseJSON.message) || xhr.statusText;
    }

    /**
     * Wires the picker of an open edit dialog; call it from the node's oneditprepare.
     * options.input, options.button: selectors of the path input and the search button.
     * options.message(key, params): the node's own text for 'no-ports' and 'list-failed' (each node keeps its
     * texts in its own catalogue, so the caller translates).
     */
    function serialPortPicker(options) {
        var input = $(options.input);
        var button = $(options.button);
        button.on('click', function () {
            setBusy(button, true);
            $.getJSON(SERIAL_PORTS_URL)
                .done(function (ports) {
                    var paths = (ports || []).map(function (port) { return port.path; });
                    offer(input, paths);
                    if (paths.length === 0) { RED.notify(options.message('no-ports'), 'warning'); }
                })
                .fail(function (xhr) {
                    RED.notify(options.message('list-failed', { reason: failureReason(xhr) }), 'error');
                })
                .always(function () { setBusy(button, false); });
        });
    }

    global.MeterflowSmartcom = global.MeterflowSmartcom || {};
    global.MeterflowSmartcom.serialPortPicker = serialPortPicker;
})(window);
