"""Qt's own texts (button boxes, the Undo/Redo menu texts, file and print dialogs, the context
menus of text fields, the wizard's buttons) answered from our catalogs.

Qt ships no Kyrgyz catalog and its Kazakh one leaves the file dialog half English, so a Kyrgyz
window showed Russian and English from Qt itself. :class:`CatalogTranslator` is a QTranslator
that answers Qt's contexts with ``pgettext(context, text)`` from ``translations/<lang>``; what our
catalog does not hold falls through to Qt's own catalog (``views/app.QtTranslations``).
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from desktop import i18n

# The contexts Qt asks in (the classes whose tr() texts the program shows).
QT_CONTEXTS = frozenset({
    'QAbstractFileIconProvider',
    'QAbstractSpinBox',
    'QColorDialog',
    'QDialogButtonBox',
    'QFileDialog',
    'QFileSystemModel',
    'QInputDialog',
    'QLineEdit',
    'QMessageBox',
    'QPageSetupWidget',
    'QPageSize',
    'QPlatformTheme',
    'QPrintDialog',
    'QPrintPreviewDialog',
    'QPrintSettingsOutput',
    'QPrintWidget',
    'QProgressDialog',
    'QScrollBar',
    'QShortcut',
    'QTabBar',
    'QUndoGroup',
    'QUndoModel',
    'QUndoStack',
    'QWidgetTextControl',
    'QWizard',
})


# Texts our catalogs keep as they are (a translation equal to the source is still ours).
SAME_IN_EVERY_LANGUAGE = frozenset({"OK"})
# Key caps, as printed on the keys of every keyboard sold in the three countries: shown in Latin in
# every language ("Ctrl+Del", "F1"), answered here so no other catalog is asked. Keys named in words
# (Space, Up, Page Down ...) are translated in the catalogs (context QShortcut).
KEY_CAPS = frozenset({
    "Ctrl", "Shift", "Alt", "Meta", "Num", "Del", "Backspace", "Esc", "Escape", "Ins", "Home", "End", "PgUp",
    "PgDown", "Tab", "Backtab", "Return", "Enter", "F%1", "Print", "Pause", "SysReq", "Menu", "Help", "CapsLock",
    "NumLock", "ScrollLock", "+",
})


class CatalogTranslator(QTranslator):
    """Qt's texts in ``lang`` from our gettext catalog."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return self.lang

    def translate(self, context, source_text, disambiguation=None, n=-1) -> str | None:
        """None (a null string: "not here", Qt asks the next catalog) for what we do not hold."""
        if context not in QT_CONTEXTS or not source_text:
            return None
        if context == "QShortcut" and source_text in KEY_CAPS:
            return source_text
        text = i18n.translator(self.lang).pgettext(context, source_text)
        return None if text == source_text and source_text not in SAME_IN_EVERY_LANGUAGE else text


def _texts_for_extraction() -> None:  # never called: ``tools/i18n.py extract`` reads these calls
    from desktop.i18n import pgettext

    pgettext('QPlatformTheme', 'OK')
    pgettext('QPlatformTheme', 'Save')
    pgettext('QPlatformTheme', 'Save All')
    pgettext('QPlatformTheme', 'Open')
    pgettext('QPlatformTheme', '&Yes')
    pgettext('QPlatformTheme', 'Yes to &All')
    pgettext('QPlatformTheme', '&No')
    pgettext('QPlatformTheme', 'N&o to All')
    pgettext('QPlatformTheme', 'Abort')
    pgettext('QPlatformTheme', 'Retry')
    pgettext('QPlatformTheme', 'Ignore')
    pgettext('QPlatformTheme', 'Close')
    pgettext('QPlatformTheme', 'Cancel')
    pgettext('QPlatformTheme', 'Discard')
    pgettext('QPlatformTheme', 'Help')
    pgettext('QPlatformTheme', 'Apply')
    pgettext('QPlatformTheme', 'Reset')
    pgettext('QPlatformTheme', 'Restore Defaults')
    pgettext('QUndoGroup', 'Undo %1')
    pgettext('QUndoGroup', 'Redo %1')
    pgettext('QUndoGroup', 'Undo')
    pgettext('QUndoGroup', 'Redo')
    pgettext('QUndoStack', 'Undo %1')
    pgettext('QUndoStack', 'Redo %1')
    pgettext('QUndoStack', 'Undo')
    pgettext('QUndoStack', 'Redo')
    pgettext('QUndoModel', '<empty>')
    pgettext('QLineEdit', '&Undo')
    pgettext('QLineEdit', '&Redo')
    pgettext('QLineEdit', 'Cu&t')
    pgettext('QLineEdit', '&Copy')
    pgettext('QLineEdit', '&Paste')
    pgettext('QLineEdit', 'Delete')
    pgettext('QLineEdit', 'Select All')
    pgettext('QWidgetTextControl', '&Undo')
    pgettext('QWidgetTextControl', '&Redo')
    pgettext('QWidgetTextControl', 'Cu&t')
    pgettext('QWidgetTextControl', '&Copy')
    pgettext('QWidgetTextControl', '&Paste')
    pgettext('QWidgetTextControl', 'Delete')
    pgettext('QWidgetTextControl', 'Select All')
    pgettext('QWidgetTextControl', 'Copy &Link Location')
    pgettext('QFileDialog', 'Look in:')
    pgettext('QFileDialog', 'File &name:')
    pgettext('QFileDialog', 'Files of type:')
    pgettext('QFileDialog', 'Open')
    pgettext('QFileDialog', '&Open')
    pgettext('QFileDialog', '&Save')
    pgettext('QFileDialog', 'Save As')
    pgettext('QFileDialog', 'Detail View')
    pgettext('QFileDialog', 'List View')
    pgettext('QFileDialog', 'Back')
    pgettext('QFileDialog', 'Forward')
    pgettext('QFileDialog', 'Parent Directory')
    pgettext('QFileDialog', 'Create New Folder')
    pgettext('QFileDialog', 'All Files (*)')
    pgettext('QFileDialog', 'Directory:')
    pgettext('QFileDialog', '&New Folder')
    pgettext('QFileDialog', '&Delete')
    pgettext('QFileDialog', '&Rename')
    pgettext('QFileDialog', 'Show &hidden files')
    pgettext('QFileDialog', 'New Folder')
    pgettext('QFileDialog', 'Recent Places')
    pgettext('QFileDialog', 'My Computer')
    pgettext('QFileDialog', 'Go back')
    pgettext('QFileDialog', 'Go forward')
    pgettext('QFileDialog', 'Go to the parent directory')
    pgettext('QFileDialog', 'Create a New Folder')
    pgettext('QFileDialog', 'Change to list view mode')
    pgettext('QFileDialog', 'Change to detail view mode')
    pgettext('QFileDialog', 'Sidebar')
    pgettext('QFileDialog', 'List of places and bookmarks')
    pgettext('QFileDialog', 'Files')
    pgettext('QFileDialog', '%1 already exists.\nDo you want to replace it?')
    pgettext('QFileDialog', "Are you sure you want to delete '%1'?")
    pgettext('QFileDialog', 'File')
    pgettext('QFileDialog', 'Folder')
    pgettext('QFileDialog', 'Find Directory')
    pgettext('QFileDialog', '&Choose')
    pgettext('QFileDialog', 'Remove')
    pgettext('QFileDialog', 'Directories')
    pgettext('QFileDialog', 'Could not delete directory.')
    pgettext('QFileSystemModel', 'Name')
    pgettext('QFileSystemModel', 'Size')
    pgettext('QFileSystemModel', 'Type')
    pgettext('QFileSystemModel', 'Date Modified')
    pgettext('QFileSystemModel', 'My Computer')
    pgettext('QFileSystemModel', 'Computer')
    pgettext('QMessageBox', 'Show Details...')
    pgettext('QMessageBox', 'Hide Details...')
    pgettext('QMessageBox', 'About Qt')
    pgettext('QWizard', '< &Back')
    pgettext('QWizard', '&Next >')
    pgettext('QWizard', '&Finish')
    pgettext('QWizard', 'Cancel')
    pgettext('QWizard', '&Help')
    pgettext('QWizard', 'Go Back')
    pgettext('QWizard', 'Continue')
    pgettext('QWizard', 'Commit')
    pgettext('QWizard', 'Done')
    pgettext('QWizard', 'Help')
    pgettext('QPrintDialog', 'Print')
    pgettext('QPrintDialog', 'Print To File ...')
    pgettext('QPrintDialog', '&Options >>')
    pgettext('QPrintDialog', '&Print')
    pgettext('QPrintDialog', '&Options <<')
    pgettext('QPrintDialog', 'Print to File (PDF)')
    pgettext('QPrintDialog', 'Local file')
    pgettext('QPrintDialog', 'Write PDF file')
    pgettext('QPrintDialog', 'Left to Right, Top to Bottom')
    pgettext('QPrintDialog', 'All Pages')
    pgettext('QPrintDialog', 'Odd Pages')
    pgettext('QPrintDialog', 'Even Pages')
    pgettext('QPrintPreviewDialog', 'Print Preview')
    pgettext('QPrintPreviewDialog', 'Next page')
    pgettext('QPrintPreviewDialog', 'Previous page')
    pgettext('QPrintPreviewDialog', 'First page')
    pgettext('QPrintPreviewDialog', 'Last page')
    pgettext('QPrintPreviewDialog', 'Fit width')
    pgettext('QPrintPreviewDialog', 'Fit page')
    pgettext('QPrintPreviewDialog', 'Zoom in')
    pgettext('QPrintPreviewDialog', 'Zoom out')
    pgettext('QPrintPreviewDialog', 'Portrait')
    pgettext('QPrintPreviewDialog', 'Landscape')
    pgettext('QPrintPreviewDialog', 'Show single page')
    pgettext('QPrintPreviewDialog', 'Show facing pages')
    pgettext('QPrintPreviewDialog', 'Show overview of all pages')
    pgettext('QPrintPreviewDialog', 'Print')
    pgettext('QPrintPreviewDialog', 'Page setup')
    pgettext('QPrintPreviewDialog', 'Export to PDF')
    pgettext('QPageSetupWidget', 'Millimeters (mm)')
    pgettext('QColorDialog', 'Select Color')
    pgettext('QDialogButtonBox', 'OK')
    pgettext('QScrollBar', 'Scroll here')
    pgettext('QScrollBar', 'Left edge')
    pgettext('QScrollBar', 'Top')
    pgettext('QScrollBar', 'Right edge')
    pgettext('QScrollBar', 'Bottom')
    pgettext('QScrollBar', 'Page left')
    pgettext('QScrollBar', 'Page up')
    pgettext('QScrollBar', 'Page right')
    pgettext('QScrollBar', 'Page down')
    pgettext('QScrollBar', 'Scroll left')
    pgettext('QScrollBar', 'Scroll up')
    pgettext('QScrollBar', 'Scroll right')
    pgettext('QScrollBar', 'Scroll down')
    pgettext('QAbstractSpinBox', '&Select All')
    pgettext('QAbstractSpinBox', '&Step up')
    pgettext('QAbstractSpinBox', 'Step &down')
    pgettext('QProgressDialog', 'Cancel')
    pgettext('QInputDialog', 'Enter a value:')
    pgettext('QFileDialog', '&Look in:')
    pgettext('QFileDialog', 'Files of &type:')
    pgettext('QAbstractFileIconProvider', 'Drive')
    pgettext('QAbstractFileIconProvider', 'Folder')
    pgettext('QPrintWidget', '&Name:')
    pgettext('QPrintWidget', 'Location:')
    pgettext('QPrintWidget', 'Output &file:')
    pgettext('QPrintWidget', 'P&roperties')
    pgettext('QPrintWidget', 'Preview')
    pgettext('QPrintWidget', 'Printer')
    pgettext('QPrintWidget', 'Type:')
    pgettext('QTabBar', 'Scroll Left')
    pgettext('QTabBar', 'Scroll Right')
    pgettext('QPrintSettingsOutput', 'Collate')
    pgettext('QPrintSettingsOutput', 'Color')
    pgettext('QPrintSettingsOutput', 'Color Mode')
    pgettext('QPrintSettingsOutput', 'Copies')
    pgettext('QPrintSettingsOutput', 'Copies:')
    pgettext('QPrintSettingsOutput', 'Current Page')
    pgettext('QPrintSettingsOutput', 'Double Sided Printing')
    pgettext('QPrintSettingsOutput', 'Grayscale')
    pgettext('QPrintSettingsOutput', 'Long side binding')
    pgettext('QPrintSettingsOutput', 'Off')
    pgettext('QPrintSettingsOutput', 'Options')
    pgettext('QPrintSettingsOutput', 'Output Settings')
    pgettext('QPrintSettingsOutput', 'Page &Set:')
    pgettext('QPrintSettingsOutput', 'Pages')
    pgettext('QPrintSettingsOutput', 'Pages from')
    pgettext('QPrintSettingsOutput', 'Print all')
    pgettext('QPrintSettingsOutput', 'Print range')
    pgettext('QPrintSettingsOutput', 'Reverse')
    pgettext('QPrintSettingsOutput', 'Selection')
    pgettext('QPrintSettingsOutput', 'Short side binding')
    pgettext('QPrintSettingsOutput', 'Specify pages or ranges separated by commas. Ranges are specified by two '
             'numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.')
    pgettext('QPrintSettingsOutput', 'to')
    pgettext('QPageSetupWidget', 'Paper')
    pgettext('QPageSetupWidget', 'Page size:')
    pgettext('QPageSetupWidget', 'Width:')
    pgettext('QPageSetupWidget', 'Height:')
    pgettext('QPageSetupWidget', 'Paper source:')
    pgettext('QPageSetupWidget', 'Orientation')
    pgettext('QPageSetupWidget', 'Portrait')
    pgettext('QPageSetupWidget', 'Landscape')
    pgettext('QPageSetupWidget', 'Reverse portrait')
    pgettext('QPageSetupWidget', 'Reverse landscape')
    pgettext('QPageSetupWidget', 'Margins')
    pgettext('QPageSetupWidget', 'top margin')
    pgettext('QPageSetupWidget', 'left margin')
    pgettext('QPageSetupWidget', 'right margin')
    pgettext('QPageSetupWidget', 'bottom margin')
    pgettext('QPageSetupWidget', 'Page Layout')
    pgettext('QPageSetupWidget', 'Page &order:')
    pgettext('QPageSetupWidget', 'Pages &per sheet:')
    pgettext('QPageSetupWidget', 'Custom')
    pgettext('QPageSetupWidget', 'Form')
    pgettext('QPageSetupWidget', 'mm')
    pgettext('QPageSetupWidget', 'Points (pt)')
    pgettext('QPageSetupWidget', 'Inches (in)')
    pgettext('QPageSetupWidget', 'Pica (P̸)')
    pgettext('QPageSetupWidget', 'Didot (DD)')
    pgettext('QPageSetupWidget', 'Cicero (CC)')
    pgettext('QPrintPreviewDialog', 'Page Setup')
    pgettext('QPrintWidget', 'Form')
    pgettext('QPrintDialog', 'Left to Right, Bottom to Top')
    pgettext('QPrintDialog', 'Right to Left, Top to Bottom')
    pgettext('QPrintDialog', 'Right to Left, Bottom to Top')
    pgettext('QPrintDialog', 'Top to Bottom, Left to Right')
    pgettext('QPrintDialog', 'Top to Bottom, Right to Left')
    pgettext('QPrintDialog', 'Bottom to Top, Left to Right')
    pgettext('QPrintDialog', 'Bottom to Top, Right to Left')
    pgettext('QPageSize', '%1 x %2 in')
    pgettext('QPageSize', 'Executive (7.25 x 10.5 in)')
    pgettext('QPageSize', 'Executive (7.5 x 10 in)')
    pgettext('QPageSize', 'Folio (8.27 x 13 in)')
    pgettext('QPageSize', 'Fan-fold US (14.875 x 11 in)')
    pgettext('QPageSize', 'Fan-fold German (8.5 x 12 in)')
    pgettext('QPageSize', 'Fan-fold German Legal (8.5 x 13 in)')
    pgettext('QShortcut', 'Space')
    pgettext('QShortcut', 'Left')
    pgettext('QShortcut', 'Right')
    pgettext('QShortcut', 'Up')
    pgettext('QShortcut', 'Down')
    pgettext('QShortcut', 'Page Up')
    pgettext('QShortcut', 'Page Down')
    pgettext('QShortcut', 'Delete')
    pgettext('QShortcut', 'Insert')
    pgettext('QShortcut', 'Back')
    pgettext('QShortcut', 'Forward')
    pgettext('QShortcut', 'Undo')
    pgettext('QShortcut', 'Redo')
    pgettext('QShortcut', 'Copy')
    pgettext('QShortcut', 'Cut')
    pgettext('QShortcut', 'Paste')
    pgettext('QShortcut', 'Find')
    pgettext('QShortcut', 'Save')
    pgettext('QShortcut', 'Open')
    pgettext('QShortcut', 'New')
    pgettext('QShortcut', 'Close')
    pgettext('QShortcut', 'Print Screen')
    pgettext('QShortcut', 'Zoom In')
    pgettext('QShortcut', 'Zoom Out')
    pgettext('QShortcut', 'Refresh')
    pgettext('QShortcut', 'Caps Lock')
    pgettext('QShortcut', 'Num Lock')
    pgettext('QShortcut', 'Scroll Lock')
