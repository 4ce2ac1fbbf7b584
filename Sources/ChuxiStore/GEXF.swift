import Foundation

/// GEXF 1.3 for Gephi, written by hand (no XML dependency): nodes and edges with their
/// attributes, `weight`, and the days they are present (`start`/`end`, or `<spells>` when
/// several) so that Gephi's timeline plays the network month by month (a year-less date
/// has no place on a timeline: it stays in the `date` attribute).
extension GraphExport {
    /// Text for an XML attribute or element: markup characters escaped, characters XML 1.0
    /// cannot hold (controls other than tab and line breaks, U+FFFE/U+FFFF) dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(c.value);"
            case _ where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Attribute keys of `items`, in order of first appearance.
    static func attributeKeys(_ items: [Item]) -> [String] {
        var keys: [String] = []
        for it in items { for a in it.attributes where !keys.contains(a.key) { keys.append(a.key) } }
        return keys
    }

    public static func gexf(_ network: (nodes: [Item], edges: [Item]), directed: Bool, description: String) -> String {
        let nodeKeys = attributeKeys(network.nodes), edgeKeys = attributeKeys(network.edges)
        // One span as start/end; several as <spells> (GEXF allows one or the other).
        func time(_ it: Item) -> String {
            it.start.isEmpty || it.spells.count > 1 ? "" : " start=\"\(it.start)\" end=\"\(it.end)\""
        }
        func spells(_ it: Item) -> String {
            it.spells.count > 1
                ? "<spells>" + it.spells.map { "<spell start=\"\($0.start)\" end=\"\($0.end)\"/>" }.joined()
                    + "</spells>" : ""
        }
        func attvalues(_ it: Item, _ keys: [String]) -> String {
            let vs = it.attributes.filter { !$0.value.isEmpty }.map { a in
                "<attvalue for=\"\(keys.firstIndex(of: a.key)!)\" value=\"\(xml(a.value))\"/>"
            }
            return vs.isEmpty ? "" : "<attvalues>\(vs.joined())</attvalues>"
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta><creator>chuxi</creator><description>\(xml(description))</description></meta>
              <graph mode="dynamic" defaultedgetype="\(directed ? "directed" : "undirected")" timeformat="date" timerepresentation="interval">

            """
        for (cls, keys) in [("node", nodeKeys), ("edge", edgeKeys)] {
            out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
            for (i, k) in keys.enumerated() {
                out += "      <attribute id=\"\(i)\" title=\"\(xml(k))\" type=\"string\"/>\n"
            }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for n in network.nodes {
            out +=
                "      <node id=\"\(xml(n.id))\" label=\"\(xml(n.label))\"\(time(n))>\(attvalues(n, nodeKeys))\(spells(n))</node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for e in network.edges {
            out +=
                "      <edge id=\"\(xml(e.id))\" source=\"\(xml(e.source))\" target=\"\(xml(e.target))\" label=\"\(xml(e.label))\" weight=\"\(e.weight)\"\(time(e))>\(attvalues(e, edgeKeys))\(spells(e))</edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// `attendance.gexf` (persons and organizations -> events) and `coattendance.gexf`.
    public static func gexfFiles(_ g: Graph) -> [String: String] {
        [
            "attendance.gexf": gexf(
                attendanceNetwork(g), directed: true,
                description: "who attended what (chuxi): persons and organizations -> events"),
            "coattendance.gexf": gexf(
                coattendanceNetwork(g), directed: false, description: "co-attendance (chuxi): weight = shared events")
        ]
    }
}
