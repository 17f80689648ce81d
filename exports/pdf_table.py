"""Tables in the PDF harvest: number columns as narrow as their content, a header row on every page.

A mixin for `pdf_layout.Page`, which provides the text measuring, wrapping and placing it uses.
"""

from __future__ import annotations


class TableLayout:
    LEFT: float
    width: float

    def _column_widths(self, header: list[str], rows: list[list[str]], weights: list[float],
                       numeric_from: int, size: float, pad: float) -> list[float]:
        """Number columns as narrow as their longest word; text columns share the rest by weight."""
        fixed: dict[int, float] = {}
        for i in range(numeric_from, len(header)):
            self.use(size, bold=True)
            text = self.printable(header[i])
            head = max(max((self.measure(w) for w in text.split()), default=0.0),
                       min(self.measure(text), self.width * 0.16))
            self.use(size)
            values = max((self.measure(self.printable(row[i])) for row in rows), default=0.0)
            fixed[i] = max(head, values) + 2 * pad + 0.6
        rest = self.width - sum(fixed.values())
        flexible = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        return [fixed[i] if i in fixed else rest * w / flexible for i, w in enumerate(weights)]

    def table(self, header: list[str], rows: list[list[object]], weights: list[float],
              numeric_from: int = 99, size: float = 8.5) -> None:
        """A grid with a bold header row that repeats on every page the table runs over."""
        pad = 1.2
        head = [str(h) for h in header]
        texts = [[str(v) for v in row] for row in rows]
        widths = self._column_widths(head, texts, weights, numeric_from, size, pad)
        while size > 6.5 and sum(w for i, w in enumerate(widths) if i < numeric_from) < self.width * 0.45:
            size -= 0.5
            widths = self._column_widths(head, texts, weights, numeric_from, size, pad)

        def height(cells: list[str]) -> float:
            return max(self.lines_of(c, w - 2 * pad) for c, w in zip(cells, widths, strict=True)) \
                * self.line_height() + 2 * pad

        def draw(cells: list[str], bold: bool, row_h: float) -> None:
            y, x = self.get_y(), self.LEFT
            if bold:
                self.set_fill_color(236, 242, 238)
                self.rect(self.LEFT, y, self.width, row_h, style="F")
            self.set_draw_color(200, 210, 204)
            self.set_line_width(0.2)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
                self.rect(x, y, w, row_h)
                self.block_at(x + pad, y + pad, w - 2 * pad, cell, align="R" if i >= numeric_from else "L")
                x += w
            self.set_y(y + row_h)

        self.use(size, bold=True)
        head_h = height(head)
        self.need(head_h + self.line_height() * 2)
        draw(head, True, head_h)
        for cells in texts:
            self.use(size)
            row_h = height(cells)
            if row_h > self.room_left():
                self.add_page()
                self.use(size, bold=True)
                draw(head, True, head_h)
                self.use(size)
            draw(cells, False, row_h)
        self.set_y(self.get_y() + 3)
