import Foundation

/// GraphML for networkx and igraph, written by hand like the GEXF: `label`, `weight`,
/// ISO `start`/`end` and the text attributes as `<data>` keys.
extension GraphExport {
    public static func graphml(_ network: (nodes: [Item], edges: [Item]), directed: Bool, id: String) -> String {
        let nodeKeys = ["label", "start", "end"] + attributeKeys(network.nodes)
        let edgeKeys = ["label", "start", "end"] + attributeKeys(network.edges)
        func data(_ it: Item, _ prefix: String) -> String {
            let values =
                [("label", it.label), ("start", it.start), ("end", it.end)] + it.attributes.map { ($0.key, $0.value) }
            return values.filter { !$0.1.isEmpty }.map { "<data key=\"\(prefix)\(xml($0.0))\">\(xml($0.1))</data>" }
                .joined()
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for k in nodeKeys {
            out += "  <key id=\"n_\(xml(k))\" for=\"node\" attr.name=\"\(xml(k))\" attr.type=\"string\"/>\n"
        }
        for k in edgeKeys {
            out += "  <key id=\"e_\(xml(k))\" for=\"edge\" attr.name=\"\(xml(k))\" attr.type=\"string\"/>\n"
        }
        out += "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        out += "  <graph id=\"\(xml(id))\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
        for n in network.nodes { out += "    <node id=\"\(xml(n.id))\">\(data(n, "n_"))</node>\n" }
        for e in network.edges {
            out +=
                "    <edge id=\"\(xml(e.id))\" source=\"\(xml(e.source))\" target=\"\(xml(e.target))\">\(data(e, "e_"))<data key=\"e_weight\">\(e.weight)</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// `attendance.graphml` (directed) and `coattendance.graphml` (undirected).
    public static func graphmlFiles(_ g: Graph) -> [String: String] {
        [
            "attendance.graphml": graphml(attendanceNetwork(g), directed: true, id: "attendance"),
            "coattendance.graphml": graphml(coattendanceNetwork(g), directed: false, id: "coattendance")
        ]
    }
}
