"""Rename and merge defect tags (the starting set and the user's own)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.security.errors import VaultError
from amends_desktop.services.inventory import InventoryError, InventoryService
from amends_desktop.ui.inventory.editors import inline_error, show_error


class TagsDialog(QDialog):
    tagsChanged = Signal()  # noqa: N815

    def __init__(self, service: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Defects and patterns")
        self.setAccessibleName("Rename or merge patterns")
        self.resize(520, 460)
        intro = QLabel("Rename a pattern to words that fit you, or bring two that mean the same "
                       "thing together. Harms keep their patterns either way.")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Patterns")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New name for the selected pattern")
        self.new_name.setPlaceholderText("New name")
        self.new_name.setMaxLength(60)
        self.rename_button = QPushButton("&Rename")
        self.rename_button.setAccessibleName("Rename the selected pattern")
        self.target = QComboBox()
        self.target.setAccessibleName("Merge into")
        self.merge_button = QPushButton("&Merge selected into")
        self.merge_button.setAccessibleName("Merge the selected patterns into the chosen one")
        self.error = inline_error()
        self.status = QLabel()
        self.status.setAccessibleName("Result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        rename = QHBoxLayout()
        rename.addWidget(self.new_name, 1)
        rename.addWidget(self.rename_button)
        layout.addLayout(rename)
        merge = QHBoxLayout()
        merge.addWidget(self.merge_button)
        merge.addWidget(self.target, 1)
        layout.addLayout(merge)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._current_changed)
        self.rename_button.clicked.connect(self.rename)
        self.new_name.returnPressed.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.target.clear()
        for use in self.service.tags():
            text = f"{use.tag.name}  ({use.harm_count} {'harm' if use.harm_count == 1 else 'harms'})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, int(use.tag.id or 0))
            item.setData(Qt.ItemDataRole.UserRole + 1, use.tag.name)
            self.list.addItem(item)
            self.target.addItem(use.tag.name, int(use.tag.id or 0))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _current_changed(self, item: QListWidgetItem | None) -> None:
        self.new_name.setText(item.data(Qt.ItemDataRole.UserRole + 1) if item else "")

    def select_names(self, *names: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole + 1) in names)

    def rename(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            tag = self.service.rename_tag(int(item.data(Qt.ItemDataRole.UserRole)), self.new_name.text())
        except (InventoryError, VaultError) as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.status.setText(f"Renamed to “{tag.name}”.")
        self.reload()
        self.tagsChanged.emit()

    def merge(self) -> None:
        target_id = self.target.currentData()
        sources = [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]
        sources = [s for s in sources if s != target_id]
        if target_id is None or not sources:
            show_error(self.error, "Select one or more patterns in the list, then choose the one to merge them into.")
            return
        try:
            tag = self.service.merge_tags(sources, int(target_id))
        except (InventoryError, VaultError) as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.status.setText(f"Merged into “{tag.name}”.")
        self.reload()
        self.tagsChanged.emit()
